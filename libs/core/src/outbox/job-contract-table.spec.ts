import { JOB_CONTRACTS } from '../queue/job-payloads.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { jobContractRows } from './job-contract-table.js';

describe(jobContractRows.name, () => {
  it('has one row per job, with its queue and the payload DTO’s properties as keys', () => {
    const rows = jobContractRows();
    expect(rows.map((row) => row.name).sort()).toEqual(Object.values(JobName).sort());
    for (const row of rows) expect(row.queue).toBe(JOB_CONTRACTS[row.name].queue);
    expect(rows.find((row) => row.name === JobName.EnrolmentChanged)).toEqual({
      name: JobName.EnrolmentChanged,
      queue: QueueName.Registration,
      requiredKeys: ['change', 'enrolmentId', 'registrationId', 'sessionId'],
      allowedKeys: ['change', 'enrolmentId', 'registrationId', 'sessionId'],
    });
    expect(rows.find((row) => row.name === JobName.SendSessionReminder)?.requiredKeys).toEqual(['enrolmentId', 'startsAt']);
  });
});
