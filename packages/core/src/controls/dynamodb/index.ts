import { dynamodbTableEncryptedKms } from './dynamodb-table-encrypted-kms.js';

export const DYNAMODB_CONTROLS = [dynamodbTableEncryptedKms];
