import { lazy, Suspense, useMemo } from 'react';
import { ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { RequireSignIn } from '../auth/RequireSignIn';
import { SignInPage } from '../auth/SignInPage';
import { Shell } from './Shell';
import { NotFound } from './NotFound';
import { WORKSPACES } from './workspaces';
import { HomeRedirect } from './HomeRedirect';
import { ChooseEdition } from './EditionPicker';
import './console.css';

const ANTD_LOCALES = { zh: zhCN, en: enUS, ru: ruRU } as const;

// The public pages of an edition (no sign-in): loaded on demand like the workspaces.
const EditionPublicPage = lazy(() => import('../register/EditionPublicPage'));
const RegisterPage = lazy(() => import('../register/RegisterPage'));

const router = createBrowserRouter(
  [
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/e/:slug',
      element: (
        <Suspense fallback={<Spin />}>
          <EditionPublicPage />
        </Suspense>
      ),
    },
    {
      path: '/e/:slug/register',
      element: (
        <Suspense fallback={<Spin />}>
          <RegisterPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: (
        <RequireSignIn>
          <Shell />
        </RequireSignIn>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        ...WORKSPACES.map((workspace) => {
          const Page = lazy(workspace.load);
          return {
            path: workspace.perEdition ? `editions/:eventId/${workspace.key}/*` : `${workspace.key}/*`,
            element: (
              <Suspense fallback={<Spin />}>
                <Page />
              </Suspense>
            ),
          };
        }),
        // A per-edition workspace opened before any edition was chosen (a staff member's menu): choose one first.
        { path: 'choose-edition/:workspace', element: <ChooseEdition /> },
        { path: 'home', element: <Navigate to="/" replace /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/console' },
);

export function App() {
  const { i18n } = useTranslation();
  const locale = ANTD_LOCALES[i18n.language as keyof typeof ANTD_LOCALES] ?? enUS;
  // A stable theme object: antd recomputes its tokens when the object changes. Both colours are darker than antd's
  // defaults so that text in them (links, danger buttons such as Delete) meets axe's 4.5:1 contrast on white.
  const theme = useMemo(() => ({ token: { colorPrimary: '#1f5fa8', colorError: '#c41d1d' } }), []);
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}
