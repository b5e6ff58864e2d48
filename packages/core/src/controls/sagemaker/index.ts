import { sagemakerEndpointConfigurationKmsKeyConfigured } from './sagemaker-endpoint-configuration-kms-key-configured.js';
import { sagemakerNotebookInstanceKmsKeyConfigured } from './sagemaker-notebook-instance-kms-key-configured.js';
import { sagemakerNotebookNoDirectInternetAccess } from './sagemaker-notebook-no-direct-internet-access.js';

export const SAGEMAKER_CONTROLS = [
  sagemakerEndpointConfigurationKmsKeyConfigured,
  sagemakerNotebookInstanceKmsKeyConfigured,
  sagemakerNotebookNoDirectInternetAccess,
];
