/**
 * Returns whether a cache setting turns the cache off: "off" in any letter case, with any spaces
 * around it or slashes after it. A folder named "OFF", " off" or "off/" is unlikely to be what was
 * meant.
 */
export function isOffSetting(setting: string): boolean {
  return setting.trim().replace(/\/+$/, "").toLowerCase() === "off";
}
