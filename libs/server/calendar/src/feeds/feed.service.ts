import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type FeedTokenState, type IssuedFeedToken } from '@kompeten/shared-contracts';
import { APP_CONFIG, forbidden, notFound, type AppConfig, type Principal } from '@kompeten/server-core';
import { findAgencyFacts } from '@kompeten/server-organisation';
import { addDays, type DayRange } from '../views/calendar-events';
import { calendarClasses } from '../views/calendar-views-store';
import { CalendarViewsService } from '../views/calendar-views.service';
import { buildIcs } from './ics-builder';
import { feedOwner, liveFeedToken, replaceFeedToken, revokeFeedToken } from './feed-token-store';

/** A feed covers the last 90 days and the next 400 (decision 0040): enough for any subscriber, and bounded. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 400;
/** The most classes one feed reads. */
export const FEED_MAX_CLASSES = 500;

/** 32 random bytes in base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * iCalendar feeds (decision 0040): the public calendar of an agency's classes, and each learner's private feed behind
 * a random token of their own (only its hash is kept; revocable; re-issuing revokes the old one).
 */
@Injectable()
export class FeedService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CalendarViewsService) private readonly views: CalendarViewsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The feed's window of local days around today (UTC date; a day either way does not matter at this span). */
  feedRange(now = new Date()): DayRange {
    const today = now.toISOString().slice(0, 10);
    return { from: addDays(today, -FEED_DAYS_BACK), to: addDays(today, FEED_DAYS_AHEAD) };
  }

  private employeeOf(p: Principal): string {
    if (!p.employeeId) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya ASN yang memiliki kalender pribadi');
    return p.employeeId;
  }

  async state(p: Principal): Promise<FeedTokenState> {
    const live = await liveFeedToken(this.db, this.employeeOf(p));
    return { active: !!live, createdAt: live ? new Date(live.created_at).toISOString() : null };
  }

  /** A new private feed URL, returned this once; any earlier one stops working. */
  async issue(p: Principal): Promise<IssuedFeedToken> {
    const employeeId = this.employeeOf(p);
    const token = randomBytes(32).toString('base64url');
    const row = await this.db.transaction((m) =>
      replaceFeedToken(m, { employeeId, tokenHash: sha256(token), createdBy: p.userId }),
    );
    const url = `${this.config.publicUrl}/api/public/calendar/feeds/${token}.ics`;
    return {
      url,
      webcalUrl: url.replace(/^https?:\/\//, 'webcal://'),
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /** Revokes the caller's feed; revoking none is not an error (a retried request). */
  async revoke(p: Principal): Promise<void> {
    await revokeFeedToken(this.db, this.employeeOf(p));
  }

  /** A learner's feed: their classes (registered, or cancelled by the organiser) and their courses' due dates. */
  async learnerFeed(token: string): Promise<string> {
    const employeeId = TOKEN.test(token) ? await feedOwner(this.db, sha256(token)) : undefined;
    if (!employeeId) throw notFound(ErrorCode.CALENDAR_FEED_NOT_FOUND, 'Kalender tidak ditemukan');
    const range = this.feedRange();
    const classes = await calendarClasses(this.db, {
      ...range,
      agencyIds: null,
      employeeId,
      eligibleAgencyIds: [],
      mine: true,
      limit: FEED_MAX_CLASSES,
    });
    const dueDates = await this.views.dueDates(employeeId, range);
    return buildIcs(classes, dueDates, {
      name: 'Kalender saya — Kompeten',
      description: 'Kelas yang Anda ikuti dan batas waktu pelatihan Anda',
      publicUrl: this.config.publicUrl,
      includeMeetingUrl: true,
      range,
    });
  }

  /** An agency's public calendar: every class it organises (cancelled ones marked), without meeting links. */
  async agencyFeed(agencyId: string): Promise<string> {
    const agency = await findAgencyFacts(this.db.manager, agencyId);
    if (!agency) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    const range = this.feedRange();
    const classes = await calendarClasses(this.db, {
      ...range,
      agencyIds: [agencyId],
      employeeId: null,
      eligibleAgencyIds: [],
      limit: FEED_MAX_CLASSES,
    });
    return buildIcs(classes, [], {
      name: `Kalender pelatihan — ${agency.name}`,
      description: `Kelas pelatihan yang diselenggarakan ${agency.name}`,
      publicUrl: this.config.publicUrl,
      includeMeetingUrl: false,
      range,
    });
  }
}
