/** Routes with Indonesian paths (the UI speaks Indonesian; URLs are shared in WhatsApp groups). */
import { createBrowserRouter } from 'react-router-dom';
import { ForgotPasswordPage } from '../pages/forgot-password/ForgotPasswordPage.tsx';
import { HomePage } from '../pages/home/HomePage.tsx';
import { LandingPage } from '../pages/landing/LandingPage.tsx';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { NotFoundPage } from '../pages/not-found/NotFoundPage.tsx';
import { RegisterPage } from '../pages/register/RegisterPage.tsx';
import { ResetPasswordPage } from '../pages/reset-password/ResetPasswordPage.tsx';
import { VerifyEmailPage } from '../pages/verify-email/VerifyEmailPage.tsx';
import { Layout } from './Layout.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/daftar', element: <RegisterPage /> },
      { path: '/verifikasi-email', element: <VerifyEmailPage /> },
      { path: '/masuk', element: <LoginPage /> },
      { path: '/lupa-sandi', element: <ForgotPasswordPage /> },
      { path: '/atur-ulang-sandi', element: <ResetPasswordPage /> },
      { path: '/beranda', element: <HomePage /> },
      // Staff and audit screens load on demand: most visitors are applicants on phones.
      { path: '/admin/akun', lazy: async () => ({ Component: (await import('../pages/admin-accounts/AdminAccountsPage.tsx')).AdminAccountsPage }) },
      { path: '/admin/kotak-keluar', lazy: async () => ({ Component: (await import('../pages/admin-outbox/AdminOutboxPage.tsx')).AdminOutboxPage }) },
      { path: '/audit', lazy: async () => ({ Component: (await import('../pages/audit/AuditPage.tsx')).AuditPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
