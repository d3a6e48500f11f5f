/**
 * zod's own wording is English type talk ("expected string to have >=1 characters"): in the web,
 * every schema without a message key of its own says what to do instead, in the person's
 * language and in the words the server uses (common/contracts/issue-text.ts). Imported by every
 * form helper, so it is set before any form validates.
 */
import { z } from 'zod';
import { type IssueLike, issueText } from '../../../common/contracts/issue-text.ts';
import { currentLang } from './i18n.ts';

z.config({ localeError: (issue) => issueText(issue as IssueLike, currentLang()) });
