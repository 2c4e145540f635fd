/** Who is making a request: passed from the controller to the service explicitly. */
export interface Caller {
  userId: string;
  role: string;
  requestId: string;
}

/** An action not made by a person (bootstrap, a job): audited as the system. */
export const SYSTEM_CALLER: Caller = { userId: '', role: 'system', requestId: '' };
