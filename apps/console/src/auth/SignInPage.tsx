import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { signIn, SignInError } from './session';
import { useSignedInUser } from './useSession';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { useLinkLanguage } from '../register/useLinkLanguage';

/** Where to go after signing in: only a path inside the console, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const [error, setError] = useState<SignInError>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  // The welcome mail's link (?welcome=1&lang=…) opens this page in the newcomer's language, with a greeting.
  useLinkLanguage();
  if (user) return <Navigate to={next} replace />;

  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.email, values.password);
      navigate(next, { replace: true });
    } catch (caught) {
      if (caught instanceof SignInError) setError(caught);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('signIn.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('signIn.subtitle')}</Typography.Paragraph>
        {params.get('welcome') !== null && (
          <Alert type="success" title={t('register:welcome.title')} description={t('register:welcome.text')} style={{ marginBottom: 16 }} data-testid="sign-in-welcome" />
        )}
        {params.get('signedOut') !== null && <Alert type="info" title={t('signIn.signedOut')} style={{ marginBottom: 16 }} />}
        {error && <ApiErrorAlert envelope={{ statusCode: error.status, code: error.envelope.code ?? 'UNKNOWN', message: error.envelope.message ?? '' }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('signIn.email')} name="email" rules={[{ required: true, message: t('signIn.required') }]}>
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
