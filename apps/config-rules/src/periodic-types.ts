/**
 * Types a periodic rule reads with the collectors' direct SDK reads rather than through AWS Config:
 * facts, IAM (Config records it in one region only, so a rule elsewhere would see none) and types
 * Config does not record.
 */
export function readDirectly(type: string): boolean {
  return type.startsWith('Rampart::') || type.startsWith('AWS::IAM::') || type === 'AWS::Logs::LogGroup';
}
