import type { DevDirectory } from '../directory/dev-directory.ts';
import type { DevPerson } from '../org/dev-person.ts';
import { graphErrors } from './graph-errors.ts';

/** Every structural property of Graph v1.0 `microsoft.graph.user` (from v1.0-Prod.csdl), plus `id` and `deletedDateTime`. */
const USER_PROPERTIES = [
  'id', 'deletedDateTime', 'aboutMe', 'accountEnabled', 'ageGroup', 'assignedLicenses', 'assignedPlans', 'authorizationInfo', 'birthday',
  'businessPhones', 'city', 'companyName', 'consentProvidedForMinor', 'country', 'createdDateTime', 'creationType', 'customSecurityAttributes',
  'department', 'deviceEnrollmentLimit', 'displayName', 'employeeHireDate', 'employeeId', 'employeeLeaveDateTime', 'employeeOrgData',
  'employeeType', 'externalUserState', 'externalUserStateChangeDateTime', 'faxNumber', 'givenName', 'hireDate', 'identities', 'imAddresses',
  'interests', 'isManagementRestricted', 'isResourceAccount', 'jobTitle', 'lastPasswordChangeDateTime', 'legalAgeGroupClassification',
  'licenseAssignmentStates', 'mail', 'mailboxSettings', 'mailNickname', 'mobilePhone', 'mySite', 'officeLocation', 'onPremisesDistinguishedName',
  'onPremisesDomainName', 'onPremisesExtensionAttributes', 'onPremisesImmutableId', 'onPremisesLastSyncDateTime', 'onPremisesProvisioningErrors',
  'onPremisesSamAccountName', 'onPremisesSecurityIdentifier', 'onPremisesSyncEnabled', 'onPremisesUserPrincipalName', 'otherMails',
  'passwordPolicies', 'passwordProfile', 'pastProjects', 'postalCode', 'preferredDataLocation', 'preferredLanguage', 'preferredName', 'print',
  'provisionedPlans', 'proxyAddresses', 'responsibilities', 'schools', 'securityIdentifier', 'serviceProvisioningErrors', 'showInAddressList',
  'signInActivity', 'signInSessionsValidFromDateTime', 'skills', 'state', 'streetAddress', 'surname', 'usageLocation', 'userPrincipalName', 'userType',
] as const;

/** What `GET /users/{id}` returns without `$select` (Graph's default property set). */
export const DEFAULT_USER_PROPERTIES: readonly string[] = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id',
];

/** Collection properties the schema declares non-nullable: empty arrays, never null. */
const EMPTY_COLLECTIONS = new Set(['assignedLicenses', 'assignedPlans', 'provisionedPlans', 'otherMails', 'identities', 'imAddresses']);

const CANONICAL = new Map<string, string>(USER_PROPERTIES.map((p) => [p.toLowerCase(), p]));

/** The schema spelling of a user property, or undefined when the user type has none by that name. */
export function canonicalUserProperty(name: string): string | undefined {
  return CANONICAL.get(name.trim().toLowerCase());
}

/** Parses a `$select` list into schema spellings; an unknown name is Graph's 400. */
export function parseUserSelect(select: string): string[] {
  const out: string[] = [];
  for (const name of select.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const canonical = canonicalUserProperty(name);
    if (canonical === undefined) throw graphErrors.unknownProperty(name);
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/** The value of one property of a seeded person, as Graph would serialise it. */
export function userPropertyValue(person: DevPerson, property: string, directory: DevDirectory): unknown {
  switch (property) {
    case 'id': return person.id;
    case 'accountEnabled': return person.accountEnabled;
    case 'businessPhones': return person.businessPhones;
    case 'city': return person.city;
    case 'companyName': return directory.tenant(person.tenantId)?.displayName ?? null;
    case 'country': return person.country;
    case 'createdDateTime': return person.createdDateTime;
    case 'creationType': return null;
    case 'department': return person.department;
    case 'displayName': return person.displayName;
    case 'employeeHireDate': return person.employeeHireDate;
    case 'employeeId': return person.employeeId;
    case 'employeeType': return person.employeeType;
    case 'givenName': return person.givenName;
    case 'jobTitle': return person.jobTitle;
    case 'mail': return person.mail;
    case 'mailNickname': return person.mailNickname;
    case 'mobilePhone': return person.mobilePhone;
    case 'officeLocation': return person.officeLocation;
    case 'preferredLanguage': return person.preferredLanguage;
    case 'proxyAddresses': return [`SMTP:${person.mail}`];
    case 'surname': return person.surname;
    case 'usageLocation': return person.usageLocation;
    case 'userPrincipalName': return person.userPrincipalName;
    case 'userType': return 'Member';
    default: return EMPTY_COLLECTIONS.has(property) ? [] : null;
  }
}
