import { DEMO_PASSWORD } from './app.js';

/** The API as one demo user, from the test process (to look data up and check the server's truth). */
export class ApiSession {
  private constructor(
    private readonly baseURL: string,
    private readonly cookie: string,
  ) {}

  static async login(baseURL: string, username: string): Promise<ApiSession> {
    const response = await fetch(`${baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`login ${username}: HTTP ${response.status}`);
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return new ApiSession(baseURL, cookie);
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseURL}${path}`, { headers: { cookie: this.cookie, accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  async status(path: string): Promise<number> {
    return (await fetch(`${this.baseURL}${path}`, { headers: { cookie: this.cookie } })).status;
  }
}
