import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, List, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { formatDay, formatEventTime } from '../shared/time';
import { pickText, type Trilingual } from '../shared/trilingual';
import { giveUpSeat, listMySessions, type MyEnrolment, type MySession, takeSeat } from './portalApi';
import type { RegistrationPageProps } from './RegistrationFrame';
import { attempt, usePortalLoad } from './usePortalLoad';

interface ConflictingSession {
  id: string;
  title: Trilingual;
  startsAt: string;
  endsAt: string;
}

type Outcome = { kind: 'enrolled' | 'waitlisted' | 'left'; title: string; position?: number | null } | { kind: 'conflict'; other: ConflictingSession };

/**
 * /me/registrations/:id/programme: the sessions of the edition by day (days in the event's zone), with seats left,
 * the delegate's own seat or place on the waiting list, and take / give up. What is possible is the api's to say:
 * a refusal comes back by its code, and an overlap names the other session from the answer's details.
 */
export function ProgrammePage({ registration, edition, version, onSeat }: RegistrationPageProps & { version: number; onSeat: (enrolment: MyEnrolment) => void }) {
  const { t, i18n } = useTranslation('portal');
  const { data: sessions, error: loadError, reload } = usePortalLoad(() => listMySessions(registration.id), [registration.id]);
  const [error, setError] = useState<ErrorEnvelope>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<string>();
  const [day, setDay] = useState<string>();
  // A promotion (or any change the watch saw) is shown at once in the list too.
  useEffect(() => {
    if (version === 0) return;
    // What the page said of the last action (e.g. "you are 1st on the waiting list") is no longer true.
    setOutcome(undefined);
    reload();
  }, [version, reload]);

  const days = useMemo(() => {
    const all = new Set<string>();
    for (let d = new Date(`${edition.firstDay}T00:00:00Z`); d <= new Date(`${edition.lastDay}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) all.add(d.toISOString().slice(0, 10));
    for (const session of sessions ?? []) all.add(session.day);
    return [...all].sort();
  }, [edition.firstDay, edition.lastDay, sessions]);

  const time = (session: { startsAt: string; endsAt: string }) =>
    `${formatEventTime(session.startsAt, edition.timeZone, i18n.language, { timeStyle: 'short' })}–${formatEventTime(session.endsAt, edition.timeZone, i18n.language, { timeStyle: 'short' })}`;

  const when = (session: { startsAt: string; endsAt: string }) =>
    `${formatEventTime(session.startsAt, edition.timeZone, i18n.language, { dateStyle: 'long' })}, ${time(session)}`;

  const take = async (session: MySession) => {
    setBusy(session.id);
    setError(undefined);
    setOutcome(undefined);
    const answer = await attempt(
      () => takeSeat(registration.id, session.id),
      (envelope) => {
        const other = (envelope.details as { conflictingSession?: ConflictingSession } | undefined)?.conflictingSession;
        if (envelope.code === 'TIME_CONFLICT' && other) setOutcome({ kind: 'conflict', other });
        else setError(envelope);
      },
    );
    if (answer) {
      onSeat(answer);
      setOutcome({ kind: answer.status === 'waitlisted' ? 'waitlisted' : 'enrolled', title: pickText(session.title, i18n.language), position: answer.waitlistPosition });
      reload();
    }
    setBusy(undefined);
  };

  const leave = async (session: MySession) => {
    if (!session.mine) return;
    setBusy(session.id);
    setError(undefined);
    setOutcome(undefined);
    const answer = await attempt(() => giveUpSeat(session.mine!.enrolmentId), setError);
    if (answer) {
      onSeat(answer);
      setOutcome({ kind: 'left', title: pickText(session.title, i18n.language) });
      reload();
    }
    setBusy(undefined);
  };

  if (loadError) return <ApiErrorAlert envelope={loadError} />;
  if (!sessions) return <Spin />;
  const shownDay = day && days.includes(day) ? day : (days.find((d) => sessions.some((s) => s.day === d)) ?? days[0]);

  return (
    <section aria-labelledby="portal-programme-title">
      <Typography.Title level={3} id="portal-programme-title">
        {t('programme.title')}
      </Typography.Title>
      {registration.status !== 'approved' && <Alert type="info" showIcon title={t('programme.notApproved')} style={{ marginBottom: 12 }} />}
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      {outcome && <OutcomeAlert outcome={outcome} time={when} onClose={() => setOutcome(undefined)} />}
      {sessions.length === 0 && <Empty description={t('programme.empty')} />}
      {sessions.length > 0 && (
        <Tabs
          activeKey={shownDay}
          onChange={setDay}
          items={days.map((d) => ({
            key: d,
            label: formatDay(d, i18n.language),
            children: (
              <List
                dataSource={sessions.filter((session) => session.day === d)}
                rowKey="id"
                locale={{ emptyText: t('programme.emptyDay') }}
                renderItem={(session) => (
                  <List.Item
                    data-testid="portal-session"
                    data-session-id={session.id}
                    actions={[
                      <SeatAction
                        key="seat"
                        session={session}
                        disabled={registration.status !== 'approved' || (busy !== undefined && busy !== session.id)}
                        loading={busy === session.id}
                        onTake={() => void take(session)}
                        onLeave={() => void leave(session)}
                      />,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <span className="portal-session-time">{time(session)}</span>
                          <span data-testid="portal-session-title">{pickText(session.title, i18n.language)}</span>
                          {session.status === 'cancelled' && <Tag color="#595959">{t('programme.cancelled')}</Tag>}
                        </Space>
                      }
                      description={
                        // antd's grey for list descriptions is below axe's 4.5:1 contrast on white.
                        <Space wrap size="middle" className="portal-session-facts">
                          <span>{t(`kind.${session.kind}`)}</span>
                          {session.room && <span>{pickText(session.room, i18n.language)}</span>}
                          <span data-testid="portal-session-seats">{seatsText(t, session)}</span>
                          {session.mine && (
                            <Tag color={session.mine.status === 'enrolled' ? '#237804' : '#ad4e00'} data-testid="portal-session-mine" data-status={session.mine.status}>
                              {session.mine.status === 'enrolled' ? t('programme.mineSeat') : t('programme.mineWaiting', { position: session.mine.waitlistPosition })}
                            </Tag>
                          )}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            ),
          }))}
        />
      )}
    </section>
  );
}

function seatsText(t: (key: string, options?: Record<string, unknown>) => string, session: MySession): string {
  if (session.capacity === null) return t('programme.noLimit');
  if (session.seatsLeft === 0) return t('programme.full', { capacity: session.capacity, waiting: session.waitlisted });
  return t('programme.seatsLeft', { left: session.seatsLeft, capacity: session.capacity });
}

function SeatAction({ session, disabled, loading, onTake, onLeave }: { session: MySession; disabled: boolean; loading: boolean; onTake: () => void; onLeave: () => void }) {
  const { t } = useTranslation('portal');
  if (session.status === 'cancelled') return null;
  if (session.mine) {
    return (
      <Button onClick={onLeave} disabled={disabled} loading={loading} data-testid="portal-leave">
        {session.mine.status === 'enrolled' ? t('programme.giveUp') : t('programme.leaveWaitlist')}
      </Button>
    );
  }
  return (
    <Button type="primary" onClick={onTake} disabled={disabled} loading={loading} data-testid="portal-take">
      {session.seatsLeft === 0 ? t('programme.joinWaitlist') : t('programme.take')}
    </Button>
  );
}

function OutcomeAlert({ outcome, time, onClose }: { outcome: Outcome; time: (session: { startsAt: string; endsAt: string }) => string; onClose: () => void }) {
  const { t, i18n } = useTranslation('portal');
  if (outcome.kind === 'conflict') {
    return (
      <Alert
        type="error"
        role="alert"
        showIcon
        data-testid="portal-conflict"
        data-error-code="TIME_CONFLICT"
        style={{ marginBottom: 12 }}
        title={t('programme.conflictTitle')}
        description={t('programme.conflict', { title: pickText(outcome.other.title, i18n.language), time: time(outcome.other) })}
        closable={{ onClose }}
      />
    );
  }
  const text =
    outcome.kind === 'enrolled'
      ? t('programme.enrolled', { title: outcome.title })
      : outcome.kind === 'waitlisted'
        ? t('programme.waitlisted', { title: outcome.title, position: outcome.position })
        : t('programme.left', { title: outcome.title });
  return <Alert type={outcome.kind === 'waitlisted' ? 'warning' : 'success'} role="status" showIcon data-testid="portal-outcome" data-outcome={outcome.kind} style={{ marginBottom: 12 }} title={text} closable={{ onClose }} />;
}
