import { Alert, Button, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { signIn } from '../auth/session';
import { useSignedInUser } from '../auth/useSession';
import { pickText } from '../shared/trilingual';
import { kioskLocked, loadChoice, setKioskLocked } from './choice';
import { ScanPanel } from './ScanPanel';
import { StatusBar } from './StatusBar';

const CLEAR_AFTER_MS = 6000;

/**
 * Self check-in: the page only scans. No search, no list, no menu (the console behind it is inert and covered);
 * each answer shows the scanned person alone and goes after a few seconds. It stays locked across reloads
 * (localStorage) and opens only with the password of the staff member signed in, checked by the api's login.
 */
export function KioskPage() {
  const { t, i18n } = useTranslation('checkin');
  const user = useSignedInUser();
  const navigate = useNavigate();
  const choice = loadChoice();
  const [asking, setAsking] = useState(false);
  const [password, setPassword] = useState('');
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    root?.setAttribute('aria-hidden', 'true');
    return () => {
      root?.removeAttribute('inert');
      root?.removeAttribute('aria-hidden');
    };
  }, []);

  if (!choice || !kioskLocked()) return <Navigate to=".." replace />;

  const unlock = async () => {
    setRefused(false);
    try {
      await signIn(user!.email, password);
      setKioskLocked(false);
      setAsking(false);
      navigate('..', { replace: true });
    } catch {
      setRefused(true);
    } finally {
      setPassword('');
    }
  };

  return createPortal(
    <div className="checkin-kiosk" data-testid="kiosk" lang={i18n.language}>
      <StatusBar />
      <main>
        <h1 className="checkin-h1">{t('kiosk.title')}</h1>
        <p className="checkin-kiosk-list">{pickText(choice.listName, i18n.language)}</p>
        <ScanPanel listId={choice.listId} timeZone={choice.timeZone} clearAfterMs={CLEAR_AFTER_MS} />
        <Button className="checkin-kiosk-leave" onClick={() => setAsking(true)} data-testid="kiosk-leave">
          {t('kiosk.leave')}
        </Button>
      </main>
      <Modal
        open={asking}
        title={t('kiosk.unlockTitle')}
        okText={t('kiosk.unlock')}
        cancelText={t('kiosk.cancel')}
        onOk={() => void unlock()}
        onCancel={() => setAsking(false)}
        getContainer={false}
        destroyOnHidden
      >
        <label htmlFor="kiosk-password">{t('kiosk.password', { name: user?.displayName ?? '' })}</label>
        <Input.Password id="kiosk-password" value={password} onChange={(e) => setPassword(e.target.value)} onPressEnter={() => void unlock()} autoComplete="current-password" data-testid="kiosk-password" />
        {refused && <Alert type="error" role="alert" style={{ marginTop: 12 }} title={t('kiosk.refused')} />}
      </Modal>
    </div>,
    document.body,
  );
}
