import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import type { LambdaFunctionConfiguration } from './function-configuration.js';

export const lambdaInsideVpc = defineControl({
  id: 'lambda-inside-vpc',
  title: 'Lambda functions are connected to a VPC',
  description:
    'Checks whether Lambda functions are connected to a VPC (vpcConfig lists subnets), so their network access is governed by security groups and VPC routing. With subnetIds set, every subnet of the function must be one of them.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Lambda::Function'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01':
      'Functions attached to VPC subnets take part in the network layers, routing and security groups of the VPC.',
  },
  references: { awsConfigRules: ['lambda-inside-vpc'] },
  trigger: 'change',
  parameters: z.strictObject({ subnetIds: param.csv() }),
  remediation: {
    text: 'Attach the function to private subnets and a security group of a VPC (lambda:UpdateFunctionConfiguration VpcConfig), with VPC endpoints or a NAT gateway for the services it calls.',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
  },
  evaluate(item, ctx) {
    const fn = item.config<LambdaFunctionConfiguration>();
    const name = fn.functionName ?? item.resourceId;
    const subnets = fn.vpcConfig?.subnetIds ?? [];
    if (subnets.length === 0) return nonCompliant(`Lambda function ${name} is not connected to a VPC.`);
    const allowed = ctx.params.subnetIds;
    const other = allowed.length > 0 ? subnets.filter((s) => !allowed.includes(s)) : [];
    if (other.length > 0) {
      return nonCompliant(`Lambda function ${name} uses subnets not listed in subnetIds: ${other.join(', ')}.`);
    }
    return compliant(`Lambda function ${name} is connected to a VPC through ${subnets.join(', ')}.`);
  },
});
