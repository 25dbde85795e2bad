/** China-time end of the chosen day (an <input type="date"> value), as the API's ISO instant. */
export const endOfChinaDay = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();
