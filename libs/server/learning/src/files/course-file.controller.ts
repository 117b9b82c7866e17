import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpException,
  HttpStatus,
  Inject,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CourseFile } from '@kompeten/shared-contracts';
import {
  AcceptsUpload,
  ApiErrors,
  CurrentPrincipal,
  ErrorResponseDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { CourseFileDto, UploadCourseFileDto } from '../dto/course.dto';
import { CourseFileService, servesRanges } from './course-file.service';
import { INLINE_MIMES } from './file-types';

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

@ApiTags('course-files')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller()
export class CourseFileController {
  constructor(
    @Inject(CourseFileService) private readonly files: CourseFileService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('courses/:id/files')
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Upload a course file (cover, video, document, file, assignment); its real type and size are checked',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadCourseFileDto })
  @ApiCreatedResponse({ type: CourseFileDto })
  @ApiErrors(403, 404, 409, 413)
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Body() dto: UploadCourseFileDto,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<CourseFile> {
    return this.files.upload(await this.org.scopeOf(p), id, dto.purpose, file);
  }

  @Get('files/:id')
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOperation({
    summary:
      'Download or view a course file (PDF, images and video inline) for those allowed to see it; videos answer Range requests (206) so the player can seek',
  })
  @ApiProduces('application/octet-stream')
  @ApiHeader({
    name: 'Range',
    required: false,
    description: 'Videos only: one byte range, e.g. `bytes=0-1048575`, `bytes=1048576-` or `bytes=-500`',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({
    status: 206,
    description: 'Partial content: the requested byte range of a video (Content-Range)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({
    status: 416,
    description: 'The range starts past the end of the video (Content-Range: bytes */size)',
    type: ErrorResponseDto,
  })
  @ApiErrors(404)
  async download(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuid()) id: string,
    @Headers('range') rangeHeader: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const opened = await this.files.open(await this.org.scopeOf(p), p, id, rangeHeader);
    const { file } = opened;
    if (servesRanges(file.mime)) res.setHeader('Accept-Ranges', 'bytes');
    if (opened.range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${file.size}`);
      throw new HttpException(
        'Rentang byte yang diminta berada di luar ukuran berkas',
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
      );
    }
    const kind = INLINE_MIMES.has(file.mime) ? 'inline' : 'attachment';
    const disposition = `${kind}; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
    if (!opened.range) return new StreamableFile(opened.stream, { type: file.mime, length: file.size, disposition });
    const { start, end } = opened.range;
    res.status(HttpStatus.PARTIAL_CONTENT);
    res.setHeader('Content-Range', `bytes ${start}-${end}/${file.size}`);
    return new StreamableFile(opened.stream, { type: file.mime, length: end - start + 1, disposition });
  }
}
