import { ApiProperty } from '@nestjs/swagger';
import type { FeedTokenState, IssuedFeedToken } from '@kompeten/shared-contracts';

export class FeedTokenStateDto implements FeedTokenState {
  @ApiProperty({ example: true }) active: boolean;
  @ApiProperty({ example: '2027-01-05T03:00:00.000Z', nullable: true, type: String }) createdAt: string | null;
}

export class IssuedFeedTokenDto implements IssuedFeedToken {
  @ApiProperty({
    example: 'https://kompeten.ntbprov.go.id/api/public/calendar/feeds/3q2-7wDk…Qx0.ics',
    description: 'The private feed URL: keep it secret; shown only now',
  })
  url: string;
  @ApiProperty({ example: 'webcal://kompeten.ntbprov.go.id/api/public/calendar/feeds/3q2-7wDk…Qx0.ics' })
  webcalUrl: string;
  @ApiProperty({ example: '2027-01-05T03:00:00.000Z' }) createdAt: string;
}
