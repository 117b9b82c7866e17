import { lazy, Suspense } from 'react';
import { Anchor, Button, Card, Grid, Progress, Stack, Text, Title } from '@mantine/core';
import type { CatalogCourseDetail, Enrolment, EnrolmentStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAdmin, useAuth } from '../../../shared/auth/auth-context';
import { DetailList, Field } from '../../../shared/components/DetailList';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useLazyDisclosure } from '../../../shared/hooks/useLazyDisclosure';
import { notify } from '../../../shared/notify';
import { CourseCover } from '../../courses/components/CourseCover';
import { CourseDescription } from '../../courses/components/CourseDescription';
import { OutlineList } from '../../courses/components/OutlineList';
import { useCourseLabels } from '../../courses/labels';
import { EnrolmentStatusBadge } from '../../learning/components/EnrolmentStatusBadge';
import { COURSE_PAGE_ENROLMENTS, useEnrol, useMyEnrolments } from '../../learning/queries';
import { useCatalogCourse } from '../queries';

// Only admins assign learners: the dialog (a modal, the people picker) is fetched when first opened, not with the page
// every learner opens (decision 0027 §10).
const AssignLearnersModal = lazy(async () => ({
  default: (await import('../../courses/components/AssignLearnersModal')).AssignLearnersModal,
}));

/** The learner's own enrolment: its status from the course page, its id and progress from "my learning". */
interface OwnEnrolment {
  id: string | null;
  status: EnrolmentStatus;
  progressPercent: number;
}

function EnrolPanel({ course, enrolment }: { course: CatalogCourseDetail; enrolment: OwnEnrolment | null }) {
  const { t } = useTranslation('catalog');
  const navigate = useNavigate();
  const mutation = useEnrol(course.id);

  const onEnrol = async () => {
    try {
      const created: Enrolment = await mutation.mutateAsync();
      if (created.status === 'active') {
        notify({ color: 'kompeten', message: t('enrolled') });
        void navigate(`/belajar/${created.id}`);
      } else if (created.status === 'pending_approval') {
        notify({ color: 'kompeten', message: t('pendingApproval') });
      }
    } catch {
      // Shown below.
    }
  };

  if (enrolment) {
    return (
      <Stack gap="sm">
        <EnrolmentStatusBadge status={enrolment.status} />
        {(enrolment.status === 'active' || enrolment.status === 'completed') && enrolment.id && (
          <>
            <Progress value={enrolment.progressPercent} aria-label={t('progressLabel')} size="lg" />
            <Text size="sm">{t('progress', { percent: Math.round(enrolment.progressPercent) })}</Text>
            <Button component={Link} to={`/belajar/${enrolment.id}`}>
              {enrolment.status === 'completed'
                ? t('openCourse')
                : enrolment.progressPercent > 0
                  ? t('continue')
                  : t('start')}
            </Button>
          </>
        )}
        {enrolment.status === 'pending_approval' && <Text size="sm">{t('pendingApproval')}</Text>}
        {enrolment.status === 'rejected' && <Text size="sm">{t('rejected')}</Text>}
        {enrolment.status === 'withdrawn' && <Text size="sm">{t('withdrawn')}</Text>}
      </Stack>
    );
  }
  if (course.enrolmentMode === 'assigned_only') {
    return <Text size="sm">{t('assignedOnly')}</Text>;
  }
  return (
    <Stack gap="sm">
      {course.enrolmentMode === 'approval' && <Text size="sm">{t('approvalNeeded')}</Text>}
      <Button onClick={() => void onEnrol()} loading={mutation.isPending}>
        {course.enrolmentMode === 'approval' ? t('requestEnrol') : t('enrol')}
      </Button>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </Stack>
  );
}

/** /katalog/:courseId — what the course is, its outline, and the enrol button or the learner's status. */
export function CatalogCoursePage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t } = useTranslation('catalog');
  const { t: tc } = useTranslation();
  const label = useCourseLabels();
  const course = useCatalogCourse(courseId);
  const mine = useMyEnrolments(COURSE_PAGE_ENROLMENTS);
  const { me } = useAuth();
  const assign = useLazyDisclosure();
  useDocumentTitle(course.data?.title ?? t('title'));

  const fromList = mine.data?.items.find((e) => e.courseId === courseId);
  const status = (course.data?.enrolmentStatus ?? fromList?.status ?? null) as EnrolmentStatus | null;
  const enrolment: OwnEnrolment | null = status
    ? { id: fromList?.id ?? null, status, progressPercent: fromList?.progressPercent ?? 0 }
    : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/katalog" size="sm">
        ← {t('back')}
      </Anchor>
      {course.isPending && <LoadingBlock />}
      {course.isError && <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />}
      {course.data && (
        <>
          <Stack gap={4}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {course.data.title}
            </Title>
            <Text c="dimmed" size="sm">
              {course.data.agencyName}
            </Text>
          </Stack>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
              <Stack gap="md">
                {course.data.coverFileId && <CourseCover fileId={course.data.coverFileId} height={220} radius="md" />}
                <Card component="section" aria-labelledby="about-heading">
                  <Title order={2} id="about-heading" mb="sm">
                    {t('about')}
                  </Title>
                  <CourseDescription
                    description={course.data.description}
                    empty={tc('none')}
                    objectives={course.data.objectives ?? []}
                    objectivesLabel={t('objectives')}
                  />
                </Card>
                <Card component="section" aria-labelledby="outline-heading">
                  <Title order={2} id="outline-heading" mb="sm">
                    {t('outline')}
                  </Title>
                  <OutlineList modules={course.data.outline ?? []} />
                </Card>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
              <Card component="aside" aria-labelledby="enrol-heading">
                <Stack gap="md">
                  <Title order={2} size="h3" id="enrol-heading">
                    {t('enrolment')}
                  </Title>
                  <EnrolPanel course={course.data} enrolment={enrolment} />
                  {isAdmin(me) && (
                    <>
                      <Button variant="light" onClick={assign.open}>
                        {t('assignLearners')}
                      </Button>
                      {assign.mounted && (
                        <Suspense fallback={null}>
                          <AssignLearnersModal
                            courseId={course.data.id}
                            courseTitle={course.data.title}
                            opened={assign.opened}
                            onClose={assign.close}
                          />
                        </Suspense>
                      )}
                    </>
                  )}
                  <DetailList columns={1}>
                    <Field label={t('jpLabel')}>{course.data.jp}</Field>
                    <Field label={t('learningMethod')}>{label.learningMethod(course.data.learningMethod)}</Field>
                    <Field label={t('competencyKind')}>{label.competencyKind(course.data.competencyKind)}</Field>
                    <Field label={t('level')}>{label.level(course.data.level)}</Field>
                    <Field label={t('agency')}>{course.data.agencyName}</Field>
                  </DetailList>
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
