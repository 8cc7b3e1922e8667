/**
 * Proactive messaging: sending cards to people by their stored conversation references, within
 * Teams' limits, once per message key and person across app instances; and installing Upward for
 * people who lack it.
 */
export { cardActivity, textActivity, ADAPTIVE_CARD_CONTENT_TYPE, type ProactiveActivity } from './proactive-activity.ts';
export { CLAIM_STALE_AFTER_MS, createProactiveSender, type ProactiveMessage, type ProactiveSender, type ProactiveSenderOptions } from './proactive-sender.ts';
export type { SendOutcome, SendReport, UpdateOutcome } from './send-outcome.ts';
export { createPersonInstaller, type InstallOutcome, type PersonInstaller, type PersonInstallerOptions, type AppInstallerPort } from './install-for-person.ts';
export { createSdkBotConnector, type SdkConnectorOptions } from './sdk-connector.ts';
export { ConnectorFailure } from './connector-failure.ts';
export { SendPacer, TEAMS_SEND_LIMITS, type PaceLimits, type PaceSlot, type RateWindow } from './send-pacer.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
export type { BotConnector, ReferencePort, SendClaim, SentMessagePort, SenderClock, ProactiveReference } from './ports.ts';
