/** Routes with Indonesian paths (the UI speaks Indonesian; URLs are shared in WhatsApp groups). */
import { createBrowserRouter } from 'react-router-dom';
import { LandingPage } from '../pages/landing/LandingPage.tsx';
import { NotFoundPage } from '../pages/not-found/NotFoundPage.tsx';
import { Layout } from './Layout.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <LandingPage /> },
      {
        path: '/daftar',
        lazy: async () => ({ Component: (await import('../pages/register/RegisterPage.tsx')).RegisterPage }),
      },
      {
        path: '/daftar-warga',
        lazy: async () => ({
          Component: (await import('../pages/register-participant/RegisterParticipantPage.tsx'))
            .RegisterParticipantPage,
        }),
      },
      {
        path: '/verifikasi-email',
        lazy: async () => ({ Component: (await import('../pages/verify-email/VerifyEmailPage.tsx')).VerifyEmailPage }),
      },
      { path: '/masuk', lazy: async () => ({ Component: (await import('../pages/login/LoginPage.tsx')).LoginPage }) },
      {
        path: '/lupa-sandi',
        lazy: async () => ({
          Component: (await import('../pages/forgot-password/ForgotPasswordPage.tsx')).ForgotPasswordPage,
        }),
      },
      {
        path: '/atur-ulang-sandi',
        lazy: async () => ({
          Component: (await import('../pages/reset-password/ResetPasswordPage.tsx')).ResetPasswordPage,
        }),
      },
      { path: '/beranda', lazy: async () => ({ Component: (await import('../pages/home/HomePage.tsx')).HomePage }) },
      // Staff and audit screens load on demand: most visitors are applicants on phones.
      {
        path: '/admin/akun',
        lazy: async () => ({
          Component: (await import('../pages/admin-accounts/AdminAccountsPage.tsx')).AdminAccountsPage,
        }),
      },
      {
        path: '/admin/partisipasi',
        lazy: async () => ({
          Component: (await import('../pages/admin-participation/AdminParticipationPage.tsx')).AdminParticipationPage,
        }),
      },
      {
        path: '/admin/hari-libur',
        lazy: async () => ({
          Component: (await import('../pages/admin-holidays/AdminHolidaysPage.tsx')).AdminHolidaysPage,
        }),
      },
      {
        path: '/admin/pekerjaan-latar',
        lazy: async () => ({ Component: (await import('../features/jobs/JobsPage.tsx')).JobsPage }),
      },
      {
        path: '/admin/kotak-keluar',
        lazy: async () => ({ Component: (await import('../pages/admin-outbox/AdminOutboxPage.tsx')).AdminOutboxPage }),
      },
      { path: '/audit', lazy: async () => ({ Component: (await import('../pages/audit/AuditPage.tsx')).AuditPage }) },
      // Recruitment: catalog, applicant, verifier and committee pages (loaded on demand).
      {
        path: '/formasi',
        lazy: async () => ({ Component: (await import('../pages/formations/FormationsPage.tsx')).FormationsPage }),
      },
      {
        path: '/kartu/:registrationNo',
        lazy: async () => ({ Component: (await import('../pages/card-check/CardCheckPage.tsx')).CardCheckPage }),
      },
      {
        path: '/biodata',
        lazy: async () => ({ Component: (await import('../pages/biodata/BiodataPage.tsx')).BiodataPage }),
      },
      {
        path: '/lamaran',
        lazy: async () => ({
          Component: (await import('../pages/my-applications/MyApplicationsPage.tsx')).MyApplicationsPage,
        }),
      },
      {
        path: '/lamaran/:id',
        lazy: async () => ({ Component: (await import('../pages/application/ApplicationPage.tsx')).ApplicationPage }),
      },
      {
        path: '/verifikasi',
        lazy: async () => ({
          Component: (await import('../pages/verification/VerificationQueuePage.tsx')).VerificationQueuePage,
        }),
      },
      {
        path: '/verifikasi/:id',
        lazy: async () => ({
          Component: (await import('../pages/verification-detail/VerificationDetailPage.tsx')).VerificationDetailPage,
        }),
      },
      {
        path: '/panitia',
        lazy: async () => ({ Component: (await import('../pages/committee/CommitteePage.tsx')).CommitteePage }),
      },
      {
        path: '/panitia/periode/:id',
        lazy: async () => ({
          Component: (await import('../pages/committee-period/CommitteePeriodPage.tsx')).CommitteePeriodPage,
        }),
      },
      // Selection results (public) and the committee's selection pages (loaded on demand).
      {
        path: '/hasil',
        lazy: async () => ({ Component: (await import('../pages/results/ResultsPage.tsx')).ResultsPage }),
      },
      {
        path: '/hasil/:periodId',
        lazy: async () => ({
          Component: (await import('../pages/results-period/ResultsPeriodPage.tsx')).ResultsPeriodPage,
        }),
      },
      {
        path: '/hasil/:periodId/formasi/:code',
        lazy: async () => ({
          Component: (await import('../pages/results-formation/ResultsFormationPage.tsx')).ResultsFormationPage,
        }),
      },
      {
        path: '/seleksi',
        lazy: async () => ({
          Component: (await import('../pages/selection/SelectionIndexPage.tsx')).SelectionIndexPage,
        }),
      },
      {
        path: '/seleksi/ambang-batas',
        lazy: async () => ({
          Component: (await import('../pages/selection-thresholds/ThresholdsPage.tsx')).ThresholdsPage,
        }),
      },
      {
        path: '/seleksi/:periodId',
        lazy: async () => ({
          Component: (await import('../pages/selection-period/SelectionPeriodPage.tsx')).SelectionPeriodPage,
        }),
      },
      // CAT exam: participant, proctor console, public scoreboard (loaded on demand).
      {
        path: '/ujian',
        lazy: async () => ({ Component: (await import('../pages/cat-login/CatLoginPage.tsx')).CatLoginPage }),
      },
      {
        path: '/ujian/kerjakan',
        lazy: async () => ({ Component: (await import('../pages/cat-exam/CatExamPage.tsx')).CatExamPage }),
      },
      {
        path: '/ujian/hasil',
        lazy: async () => ({ Component: (await import('../pages/cat-result/CatResultPage.tsx')).CatResultPage }),
      },
      {
        path: '/pengawas',
        lazy: async () => ({ Component: (await import('../pages/proctor/ProctorPage.tsx')).ProctorPage }),
      },
      {
        path: '/pengawas/sesi/:id',
        lazy: async () => ({
          Component: (await import('../pages/proctor-session/ProctorSessionPage.tsx')).ProctorSessionPage,
        }),
      },
      {
        path: '/skor/:sessionId',
        lazy: async () => ({ Component: (await import('../pages/scoreboard/ScoreboardPage.tsx')).ScoreboardPage }),
      },
      {
        path: '/bank-soal',
        lazy: async () => ({ Component: (await import('../pages/exam-bank/ItemBankPage.tsx')).ItemBankPage }),
      },
      {
        path: '/bank-soal/kisi-kisi',
        lazy: async () => ({ Component: (await import('../pages/exam-blueprints/BlueprintsPage.tsx')).BlueprintsPage }),
      },
      {
        path: '/bank-soal/analisis/:sessionId',
        lazy: async () => ({
          Component: (await import('../pages/exam-analysis/ItemAnalysisPage.tsx')).ItemAnalysisPage,
        }),
      },
      {
        path: '/pegawai',
        lazy: async () => ({ Component: (await import('../pages/employees/EmployeesPage.tsx')).EmployeesPage }),
      },
      {
        path: '/pegawai/pengangkatan',
        lazy: async () => ({
          Component: (await import('../pages/appointments/AppointmentsPage.tsx')).AppointmentsPage,
        }),
      },
      {
        path: '/pegawai/masa-percobaan',
        lazy: async () => ({ Component: (await import('../pages/probation/ProbationPage.tsx')).ProbationPage }),
      },
      {
        path: '/pegawai/indeks',
        lazy: async () => ({ Component: (await import('../features/ipasn/MyIndexPage.tsx')).MyIndexPage }),
      },
      {
        path: '/pegawai/indeks/:id',
        lazy: async () => ({ Component: (await import('../features/ipasn/EmployeeIndexPage.tsx')).EmployeeIndexPage }),
      },
      {
        path: '/ip-asn/instrumen',
        lazy: async () => ({ Component: (await import('../features/ipasn/InstrumentPage.tsx')).InstrumentPage }),
      },
      {
        path: '/pegawai/saya',
        lazy: async () => ({ Component: (await import('../pages/my-employee/MyEmployeePage.tsx')).MyEmployeePage }),
      },
      {
        path: '/pegawai/:id/riwayat',
        lazy: async () => ({
          Component: (await import('../features/records/PersonRecordsPage.tsx')).PersonRecordsPage,
        }),
      },
      {
        path: '/riwayat/saya',
        lazy: async () => ({ Component: (await import('../features/records/MyRecordsPage.tsx')).MyRecordsPage }),
      },
      {
        path: '/riwayat/impor',
        lazy: async () => ({ Component: (await import('../features/records/ImportPage.tsx')).RecordsImportPage }),
      },
      {
        path: '/riwayat/usulan',
        lazy: async () => ({
          Component: (await import('../features/records/CorrectionsPage.tsx')).RecordsCorrectionsPage,
        }),
      },
      {
        path: '/pelatihan',
        lazy: async () => ({ Component: (await import('../pages/training/TrainingPage.tsx')).TrainingPage }),
      },
      {
        path: '/pelatihan/saya',
        lazy: async () => ({ Component: (await import('../pages/my-training/MyTrainingPage.tsx')).MyTrainingPage }),
      },
      {
        path: '/pelatihan/angkatan/:id',
        lazy: async () => ({
          Component: (await import('../pages/training-batch/TrainingBatchPage.tsx')).TrainingBatchPage,
        }),
      },
      {
        path: '/pelatihan/tes/:id',
        lazy: async () => ({
          Component: (await import('../pages/training-test/TrainingTestPage.tsx')).TrainingTestPage,
        }),
      },
      {
        path: '/pelatihan/pertemuan/:id',
        lazy: async () => ({ Component: (await import('../pages/meeting-qr/MeetingQrPage.tsx')).MeetingQrPage }),
      },
      {
        path: '/hadir',
        lazy: async () => ({ Component: (await import('../pages/attendance-scan/ScanPage.tsx')).ScanPage }),
      },
      {
        path: '/sertifikat/:id',
        lazy: async () => ({
          Component: (await import('../pages/certificate-check/CertificateCheckPage.tsx')).CertificateCheckPage,
        }),
      },
      { path: '/jp', lazy: async () => ({ Component: (await import('../pages/jp/JpPage.tsx')).JpPage }) },
      {
        path: '/skp/tim',
        lazy: async () => ({ Component: (await import('../pages/skp-team/SkpTeamPage.tsx')).SkpTeamPage }),
      },
      {
        path: '/skp/saya',
        lazy: async () => ({ Component: (await import('../pages/my-skp/MySkpPage.tsx')).MySkpPage }),
      },
      {
        path: '/skp/rencana/:id',
        lazy: async () => ({ Component: (await import('../pages/skp-plan/SkpPlanPage.tsx')).SkpPlanPage }),
      },
      {
        path: '/skp/dasbor',
        lazy: async () => ({
          Component: (await import('../pages/skp-dashboard/SkpDashboardPage.tsx')).SkpDashboardPage,
        }),
      },
      {
        path: '/kebijakan',
        lazy: async () => ({ Component: (await import('../pages/policies/PoliciesPage.tsx')).PoliciesPage }),
      },
      {
        path: '/disiplin',
        lazy: async () => ({
          Component: (await import('../features/discipline/DisciplinePage.tsx')).DisciplinePage,
        }),
      },
      {
        path: '/disiplin/baru',
        lazy: async () => ({
          Component: (await import('../features/discipline/DisciplineFormPage.tsx')).DisciplineFormPage,
        }),
      },
      {
        path: '/disiplin/:id/ubah',
        lazy: async () => ({
          Component: (await import('../features/discipline/DisciplineFormPage.tsx')).DisciplineFormPage,
        }),
      },
      {
        path: '/disiplin/impor',
        lazy: async () => ({
          Component: (await import('../features/discipline/DisciplineImportPage.tsx')).DisciplineImportPage,
        }),
      },
      {
        path: '/disiplin/pegawai/:id',
        lazy: async () => ({
          Component: (await import('../features/discipline/EmployeeDisciplinePage.tsx')).EmployeeDisciplinePage,
        }),
      },
      {
        path: '/disiplin/saya',
        lazy: async () => ({
          Component: (await import('../features/discipline/MyDisciplinePage.tsx')).MyDisciplinePage,
        }),
      },
      {
        path: '/kebijakan/:id',
        lazy: async () => ({ Component: (await import('../pages/policy/PolicyPage.tsx')).PolicyPage }),
      },
      {
        path: '/korelasi-seleksi',
        lazy: async () => ({
          Component: (await import('../features/correlation/pages/CorrelationPage.tsx')).CorrelationPage,
        }),
      },
      {
        path: '/seleksi-dan-kinerja',
        lazy: async () => ({
          Component: (await import('../features/correlation/pages/PublicCorrelationPage.tsx')).PublicCorrelationPage,
        }),
      },
      {
        path: '/ip-asn/laporan',
        lazy: async () => ({ Component: (await import('../features/ipreport/IpReportPage.tsx')).IpReportPage }),
      },
      {
        path: '/ip-asn',
        lazy: async () => ({ Component: (await import('../features/ipreport/IpPublicPage.tsx')).IpPublicPage }),
      },
      {
        path: '/kebijakan-publik',
        lazy: async () => ({
          Component: (await import('../pages/public-policies/PublicPoliciesPage.tsx')).PublicPoliciesPage,
        }),
      },
      {
        path: '/kebijakan-publik/:id',
        lazy: async () => ({
          Component: (await import('../pages/public-policy/PublicPolicyPage.tsx')).PublicPolicyPage,
        }),
      },
      {
        path: '/pengaduan',
        lazy: async () => ({
          Component: (await import('../pages/complaint-new/ComplaintNewPage.tsx')).ComplaintNewPage,
        }),
      },
      {
        path: '/pengaduan/lacak',
        lazy: async () => ({
          Component: (await import('../pages/complaint-track/ComplaintTrackPage.tsx')).ComplaintTrackPage,
        }),
      },
      {
        path: '/pengaduan/lacak/:trackingId',
        lazy: async () => ({
          Component: (await import('../pages/complaint-track/ComplaintTrackPage.tsx')).ComplaintTrackPage,
        }),
      },
      {
        path: '/pengaduan/statistik',
        lazy: async () => ({
          Component: (await import('../pages/complaint-stats/ComplaintStatsPage.tsx')).ComplaintStatsPage,
        }),
      },
      {
        path: '/pengaduan/kelola',
        lazy: async () => ({
          Component: (await import('../pages/complaints-staff/ComplaintsStaffPage.tsx')).ComplaintsStaffPage,
        }),
      },
      {
        path: '/pengaduan/kelola/:id',
        lazy: async () => ({
          Component: (await import('../pages/complaint-staff-detail/ComplaintStaffDetailPage.tsx'))
            .ComplaintStaffDetailPage,
        }),
      },
      {
        path: '/survei',
        lazy: async () => ({ Component: (await import('../pages/surveys/SurveysPage.tsx')).SurveysPage }),
      },
      {
        path: '/survei/:unitId',
        lazy: async () => ({ Component: (await import('../pages/survey/SurveyPage.tsx')).SurveyPage }),
      },
      {
        path: '/survei/:unitId/hasil',
        lazy: async () => ({
          Component: (await import('../pages/survey-results/SurveyResultsPage.tsx')).SurveyResultsPage,
        }),
      },
      {
        path: '/pemantauan',
        lazy: async () => ({ Component: (await import('../pages/observer/ObserverPage.tsx')).ObserverPage }),
      },
      {
        path: '/pemantauan/:periodId',
        lazy: async () => ({
          Component: (await import('../pages/observer-process/ObserverProcessPage.tsx')).ObserverProcessPage,
        }),
      },
      {
        path: '/panitia/pemantau',
        lazy: async () => ({
          Component: (await import('../pages/observers-committee/ObserversCommitteePage.tsx')).ObserversCommitteePage,
        }),
      },
      {
        path: '/temuan',
        lazy: async () => ({
          Component: (await import('../pages/findings-public/FindingsPublicPage.tsx')).FindingsPublicPage,
        }),
      },
      {
        path: '/data-terbuka',
        lazy: async () => ({ Component: (await import('../pages/open-data/OpenDataPage.tsx')).OpenDataPage }),
      },
      {
        path: '/konsultasi',
        lazy: async () => ({
          Component: (await import('../pages/consultations/ConsultationsPage.tsx')).ConsultationsPage,
        }),
      },
      {
        path: '/konsultasi/:id',
        lazy: async () => ({
          Component: (await import('../pages/consultation/ConsultationPage.tsx')).ConsultationPage,
        }),
      },
      {
        path: '/forum',
        lazy: async () => ({ Component: (await import('../pages/forums/ForumsPage.tsx')).ForumsPage }),
      },
      {
        path: '/forum/:id',
        lazy: async () => ({ Component: (await import('../pages/forum/ForumPage.tsx')).ForumPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
