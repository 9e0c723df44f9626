/**
 * Every migration, by name. The list is explicit (rather than read from the folder
 * at run time) so the bundled server carries its migrations with it; a unit test
 * fails if a file in this folder is missing here.
 */
import type { Migration } from 'kysely';
import * as m20261123_0900 from './2026_11_23_0900_organisations_and_staff';
import * as m20261123_1000 from './2026_11_23_1000_check_completion_counts';
import * as m20261123_1100 from './2026_11_23_1100_staff_accounts_sessions_audit';
import * as m20261123_1200 from './2026_11_23_1200_practitioner_sessions';
import * as m20261123_1400 from './2026_11_23_1400_referrals_and_cases';
import * as m20261123_1500 from './2026_11_23_1500_practitioner_password_reset';
import * as m20261123_1600 from './2026_11_23_1600_referral_search';
import * as m20261123_1700 from './2026_11_23_1700_programme_sessions';
import * as m20261123_1800 from './2026_11_23_1800_assessment_plan_reports';
import * as m20261123_1810 from './2026_11_23_1810_plan_return_reason';
import * as m20261202_1000 from './2026_12_02_1000_outbox_sealed_links';
import * as m20261203_1000 from './2026_12_03_1000_safeguarding_concerns';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0900_organisations_and_staff': m20261123_0900,
  '2026_11_23_1000_check_completion_counts': m20261123_1000,
  '2026_11_23_1100_staff_accounts_sessions_audit': m20261123_1100,
  '2026_11_23_1200_practitioner_sessions': m20261123_1200,
  '2026_11_23_1400_referrals_and_cases': m20261123_1400,
  '2026_11_23_1500_practitioner_password_reset': m20261123_1500,
  '2026_11_23_1600_referral_search': m20261123_1600,
  '2026_11_23_1700_programme_sessions': m20261123_1700,
  '2026_11_23_1800_assessment_plan_reports': m20261123_1800,
  '2026_11_23_1810_plan_return_reason': m20261123_1810,
  '2026_12_02_1000_outbox_sealed_links': m20261202_1000,
  '2026_12_03_1000_safeguarding_concerns': m20261203_1000,
};
