// toHaveReceivedCommandWith and friends on aws-sdk-client-mock mocks.
import 'aws-sdk-client-mock-vitest/extend';
