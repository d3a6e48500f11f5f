/** Request and response contracts for accounts and sessions (server validation + web forms). */
import { z } from 'zod';

export const ROLES = [
  'admin',
  'committee',
  'verifier',
  'exam_admin',
  'proctor',
  'training_admin',
  'supervisor',
  'employee',
  'observer',
  'applicant',
  /** A citizen (warga): name and verified e-mail, no NIK; joins forums and comments on consultations. */
  'citizen',
] as const;
export type Role = (typeof ROLES)[number];
/** Roles people give themselves by signing up; every other role is a staff account an admin makes. */
export const SELF_SIGNUP_ROLES = ['applicant', 'citizen'] as const;
export type StaffRole = Exclude<Role, (typeof SELF_SIGNUP_ROLES)[number]>;
export const STAFF_ROLES = ROLES.filter((r) => !(SELF_SIGNUP_ROLES as readonly Role[]).includes(r)) as StaffRole[];

export const Email = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(254)
  .pipe(z.email({ message: 'email.format' }));
export const Password = z
  .string()
  .min(1, { message: 'required' })
  .min(12, { message: 'password.length' })
  .max(128, { message: 'password.length' });
export const Nik = z
  .string()
  .min(1, { message: 'required' })
  .regex(/^\d{16}$/, { message: 'nik.format' });
export const IsoDate = z
  .string()
  .min(1, { message: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' });
export const PersonName = z.string().trim().min(1, { message: 'name.length' }).max(120, { message: 'name.length' });
export const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token.format' });

export const RegisterBody = z.strictObject({
  nik: Nik,
  fullName: PersonName,
  birthPlace: z.string().trim().min(2).max(80),
  birthDate: IsoDate,
  gender: z.enum(['L', 'P']),
  email: Email,
  phone: z
    .string()
    .min(1, { message: 'required' })
    .regex(/^\+?\d{10,15}$/, { message: 'phone.format' }),
  password: Password,
  /** UU 27/2022: processing personal data needs explicit consent to a stated purpose. */
  consent: z.literal(true),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/**
 * Sign-up without NIK: a citizen (warga) with their name, or an organisation (LSM, university, the
 * press) with its name, which becomes an observer account that applies for accreditation per period.
 */
export const ParticipantRegisterBody = z.strictObject({
  kind: z.enum(['citizen', 'organization']),
  fullName: PersonName,
  email: Email,
  password: Password,
  /** UU 27/2022: processing personal data needs explicit consent to a stated purpose. */
  consent: z.literal(true),
});
export type ParticipantRegisterBody = z.infer<typeof ParticipantRegisterBody>;

export const LoginBody = z.strictObject({
  /** E-mail address, or the NIK for applicants (as on SSCASN). */
  identifier: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(128),
});

export const TokenBody = z.strictObject({ token: Token });
export const EmailBody = z.strictObject({ email: Email });
/** The six digits in the verification e-mail, typed on the phone that registered (no long token to copy). */
export const VerificationCode = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .regex(/^\d{6}$/, { message: 'code.format' });
export const VerifyCodeBody = z.strictObject({ email: Email, code: VerificationCode });
export type VerifyCodeBody = z.infer<typeof VerifyCodeBody>;
export const ResetPasswordBody = z.strictObject({ token: Token, password: Password });

export const CreateStaffBody = z.strictObject({
  email: Email,
  fullName: PersonName,
  role: z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]]),
  organizationId: z.string().min(1).max(40).nullable().optional(),
});

/** An admin's change to a staff account; fields left out stay as they are. */
export const UpdateStaffBody = z.strictObject({
  fullName: PersonName.optional(),
  role: z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]]).optional(),
  organizationId: z.string().min(1).max(40).nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().nullable(),
  emailVerified: z.boolean(),
  /** Applicants only, masked: the full NIK is shown on their own biodata page, not in the session. */
  nikMasked: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ account: Me });

export const StaffAccount = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().nullable(),
  emailVerified: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const StaffAccountList = z.object({ accounts: z.array(StaffAccount) });

export const OutboxEmail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  transport: z.enum(['outbox', 'smtp']),
  sentAt: z.string().nullable(),
  /** SMTP delivery (issue 28 §3): waiting, being sent, waiting for a retry, sent, or given up. */
  status: z.enum(['queued', 'sending', 'retrying', 'sent', 'failed']),
  attempts: z.number().int(),
  /** The last SMTP error, kept after a later attempt succeeded. */
  error: z.string().nullable(),
  createdAt: z.string(),
});
/** secretsHidden: links and codes in the bodies are masked (always, unless a development demo shows them). */
export const OutboxList = z.object({ emails: z.array(OutboxEmail), secretsHidden: z.boolean() });

export const Organization = z.object({ id: z.string(), name: z.string(), kind: z.string() });
export const OrganizationList = z.object({ organizations: z.array(Organization) });

export const OkResponse = z.object({ ok: z.literal(true), message: z.string().optional() });

/** Issue 24 §1: a network address with sign-in failures, and lifting its slowdown. */
export const AddressBlock = z.object({
  address: z.string(),
  failures: z.number().int(),
  scoped: z.number().int(),
  slowed: z.boolean(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export const AddressBlockList = z.object({ addresses: z.array(AddressBlock) });
export const NetworkAddress = z
  .string()
  .trim()
  .regex(/^[0-9A-Fa-f:.]{2,64}$/, 'Alamat jaringan (IPv4 atau IPv6) tidak valid.');
export const LiftAddressBody = z.strictObject({ address: NetworkAddress, reason: z.string().trim().min(5).max(500) });
export const AddressLifted = z.object({ address: z.string(), cleared: z.number().int() });
