/** Every endpoint group, for the test that the server registers exactly what is declared. */
import {
  appointmentEndpoints,
  certificateCheckEndpoints,
  completionEndpoints,
  employeeEndpoints,
  trainingEndpoints,
  trainingTestEndpoints,
} from './development.endpoints.ts';
import { disciplineEndpoints } from './discipline.endpoints.ts';
import { correlationEndpoints } from './correlation.endpoints.ts';
import { examEndpoints } from './exam.endpoints.ts';
import { holidaysEndpoints } from './holidays.endpoints.ts';
import { homeEndpoints } from './home.endpoints.ts';
import { identityEndpoints } from './identity.endpoints.ts';
import { ipAsnEndpoints } from './ip-asn.endpoints.ts';
import { notificationsEndpoints } from './notifications.endpoints.ts';
import { participationEndpoints } from './participation.endpoints.ts';
import { performanceEndpoints } from './performance.endpoints.ts';
import { platformEndpoints } from './platform.endpoints.ts';
import { policyEndpoints } from './policy.endpoints.ts';
import { recordsEndpoints } from './records.endpoints.ts';
import { ipReportEndpoints } from './ip-report.endpoints.ts';
import { jobsEndpoints } from './jobs.endpoints.ts';
import { recruitmentEndpoints } from './recruitment.endpoints.ts';
import { selectionEndpoints } from './selection.endpoints.ts';
import { transparencyEndpoints } from './transparency.endpoints.ts';

export const ALL_ENDPOINTS = {
  platformEndpoints,
  identityEndpoints,
  notificationsEndpoints,
  transparencyEndpoints,
  recruitmentEndpoints,
  holidaysEndpoints,
  examEndpoints,
  selectionEndpoints,
  employeeEndpoints,
  trainingEndpoints,
  completionEndpoints,
  certificateCheckEndpoints,
  appointmentEndpoints,
  trainingTestEndpoints,
  performanceEndpoints,
  policyEndpoints,
  homeEndpoints,
  participationEndpoints,
  disciplineEndpoints,
  ipAsnEndpoints,
  correlationEndpoints,
  recordsEndpoints,
  ipReportEndpoints,
  jobsEndpoints,
};
