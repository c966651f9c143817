import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../http/errors.js';
import type { Actor } from './actor.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { SessionsRepository } from './sessions.repository.js';
import { toUser, UsersRepository } from './users.repository.js';

/** The cookie holds a random token; the database holds only its SHA-256, so a leaked table opens no session. */
const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');
const TOUCH_EVERY_MS = 60_000;

export class AuthService {
  private readonly users: UsersRepository;
  private readonly sessions: SessionsRepository;
  constructor(
    private readonly db: Db,
    private readonly sessionTtlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.users = new UsersRepository(db);
    this.sessions = new SessionsRepository(db);
  }

  async login(username: string, password: string, meta: { ip: string | null; userAgent: string | null }) {
    const row = await this.users.findByUsername(username);
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
    if (!row || !ok || row.disabled) {
      throw new HttpError(401, 'invalid_credentials');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + this.sessionTtlMs);
    await this.sessions.create({ id: tokenId(token), userId: row.id, expiresAt, ...meta });
    return { token, expiresAt, user: toUser(row) };
  }

  async logout(token: string) {
    await this.sessions.delete(tokenId(token));
  }

  /** The actor behind a session token, or null when the token is unknown, expired or its user disabled. */
  async resolve(token: string): Promise<Actor | null> {
    const id = tokenId(token);
    const now = this.now();
    const s = await this.sessions.findLive(id, now);
    if (!s) return null;
    if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(id, now);
    return {
      userId: s.id,
      username: s.username,
      displayName: s.display_name,
      role: s.role,
      organisationId: s.organisation_id,
      locale: s.locale,
    };
  }
}
