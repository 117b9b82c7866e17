import { Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FeedTokenState, IssuedFeedToken } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, Public, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { FeedTokenStateDto, IssuedFeedTokenDto } from './feeds.dto';
import { FEED_DAYS_AHEAD, FEED_DAYS_BACK, FeedService } from './feed.service';

const ICS = 'text/calendar; charset=utf-8';
const ICS_RESPONSE = {
  description: `iCalendar (RFC 5545): one VEVENT per class session with a stable UID, SEQUENCE, LAST-MODIFIED, DTSTART/DTEND with TZID and the VTIMEZONE of Asia/Jakarta, Asia/Makassar or Asia/Jayapura, STATUS:CANCELLED for cancelled classes; from ${FEED_DAYS_BACK} days back to ${FEED_DAYS_AHEAD} days ahead.`,
  content: { 'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…' } } },
};

/**
 * The media type and caching of a feed, set only once it is built: headers declared with @Header would also go out on
 * an error answer (a JSON 404 labelled text/calendar and cached).
 */
function calendarText(res: Response, ics: string, cacheControl: string): string {
  res.setHeader('Content-Type', ICS);
  res.setHeader('Cache-Control', cacheControl);
  return ics;
}

/** Calendar feeds for calendar apps (decision 0040): no login; the private feed's token is its credential. */
@ApiTags('public')
@Public()
@ApiErrors(404)
@Controller('public/calendar')
export class PublicFeedsController {
  constructor(@Inject(FeedService) private readonly feeds: FeedService) {}

  @Get('agencies/:agencyId.ics')
  @ApiOperation({
    summary: 'An agency’s public training calendar (iCalendar): its classes, cancelled ones marked, no meeting links',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS_RESPONSE)
  async agency(
    @Param('agencyId', uuid()) agencyId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return calendarText(res, await this.feeds.agencyFeed(agencyId), 'public, max-age=900');
  }

  @Get('feeds/:token.ics')
  @ApiOperation({
    summary: 'A learner’s private calendar (iCalendar) by its secret token: their classes and course due dates',
    description: 'A revoked or unknown token answers 404 CALENDAR.FEED_NOT_FOUND.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS_RESPONSE)
  async learner(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return calendarText(res, await this.feeds.learnerFeed(token), 'private, max-age=300');
  }
}

/** The learner manages their private feed URL from “Kalender saya”. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('calendar/me/feed-token')
export class FeedTokenController {
  constructor(@Inject(FeedService) private readonly feeds: FeedService) {}

  @Get()
  @ApiOperation({ summary: 'Whether my private calendar feed is live (the URL itself is shown only when issued)' })
  @ApiOkResponse({ type: FeedTokenStateDto })
  state(@CurrentPrincipal() p: Principal): Promise<FeedTokenState> {
    return this.feeds.state(p);
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Issue my private calendar feed URL (shown once); an earlier URL stops working at once',
  })
  @ApiCreatedResponse({ type: IssuedFeedTokenDto })
  issue(@CurrentPrincipal() p: Principal): Promise<IssuedFeedToken> {
    return this.feeds.issue(p);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke my private calendar feed URL (its feed answers 404 from now on)' })
  @ApiNoContentResponse({ description: 'Revoked (or none was live)' })
  async revoke(@CurrentPrincipal() p: Principal): Promise<void> {
    await this.feeds.revoke(p);
  }
}
