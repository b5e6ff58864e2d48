/** The fields of an `AWS::Lambda::Function` configuration item the Lambda controls read. */
export interface LambdaFunctionConfiguration {
  functionName: string;
  functionArn: string;
  vpcConfig: { subnetIds?: string[]; securityGroupIds?: string[] } | null;
}
