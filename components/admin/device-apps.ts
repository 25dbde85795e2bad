/** The apps a phone can forward with, as the device forms offer them (protocol value, the app's name). */
export const DEVICE_APPS = [
  ["smsforwarder", "SmsForwarder"],
  ["vmq", "V免签监控端"],
  ["native", "原生协议（自建）"],
] as const;
