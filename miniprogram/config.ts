/**
 * Settings a project edits before its first run. Nothing secret lives here: the mini program
 * ships to every phone.
 */

/**
 * CloudBase environment id, e.g. 'prod-1a2b3c'. Empty: the environment selected in WeChat
 * DevTools (云开发 → 当前环境) is used.
 */
export const CLOUD_ENV_ID: string = '';

/**
 * Opt in to the legacy `wx.navigateToMiniProgram` jump when `wx.openBusinessView` is missing.
 * Off by default: merchants onboarded after 2024-01-31 may not use it, it counts against the
 * limit of 10 jump targets, and older projects must list the Pay Score AppID in
 * `navigateToMiniProgramAppIdList` (app.json) first.
 */
export const ENABLE_NAVIGATE_TO_MINI_PROGRAM: boolean = false;
