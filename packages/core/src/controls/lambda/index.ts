import { lambdaFunctionPublicAccessProhibited } from './lambda-function-public-access-prohibited.js';
import { lambdaInsideVpc } from './lambda-inside-vpc.js';

export const LAMBDA_CONTROLS = [lambdaFunctionPublicAccessProhibited, lambdaInsideVpc];
