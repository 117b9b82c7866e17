import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseAuthorInvitationStatus } from '@kompeten/shared-contracts';
import {
  addAuthor,
  archiveCourse,
  assignCourse,
  listCourseLearners,
  recordAttendance,
  removeAuthor,
  type AssignInput,
  type AudienceAssignInput,
  createAudienceAssignment,
  endAudienceAssignment,
  listAudienceAssignments,
  createCourse,
  createLesson,
  createModule,
  deleteLesson,
  deleteModule,
  getCourse,
  listCourses,
  listReviews,
  publishCourse,
  returnCourse,
  saveOutline,
  submitForReview,
  updateCourse,
  updateLesson,
  updateModule,
  type Course,
  type CourseInput,
  type CourseListParams,
  type CourseUpdate,
  type LessonInput,
  type OutlineInput,
  type PublishInput,
  decideInvitation,
  inviteAuthor,
  listCourseInvitations,
  listIncomingInvitations,
} from './api';

export const courseKeys = {
  all: ['courses'] as const,
  lists: () => [...courseKeys.all, 'list'] as const,
  list: (params: CourseListParams) => [...courseKeys.lists(), params] as const,
  detail: (id: string) => [...courseKeys.all, 'detail', id] as const,
  reviews: (page: number) => [...courseKeys.all, 'reviews', page] as const,
  learners: (id: string) => [...courseKeys.all, 'learners', id] as const,
  audiences: (id: string, page?: number) =>
    page === undefined
      ? ([...courseKeys.all, 'audiences', id] as const)
      : ([...courseKeys.all, 'audiences', id, page] as const),
  invitations: (id: string, page: number) => [...courseKeys.all, 'invitations', id, page] as const,
  incomingInvitations: (status: CourseAuthorInvitationStatus, page: number) =>
    [...courseKeys.all, 'incoming-invitations', status, page] as const,
};

export function useCourses(params: CourseListParams) {
  return useQuery({
    queryKey: courseKeys.list(params),
    queryFn: ({ signal }) => listCourses(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: courseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getCourse(id as string, signal),
    enabled: !!id,
  });
}

export function useReviews(page: number, pageSize: number) {
  return useQuery({
    queryKey: courseKeys.reviews(page),
    queryFn: ({ signal }) => listReviews({ page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** After a change to a course: refresh its detail (the draft outline) and every list. */
function useCourseChanged() {
  const queryClient = useQueryClient();
  return (courseId: string, course?: Course) => {
    if (course && Array.isArray(course.modules)) queryClient.setQueryData(courseKeys.detail(courseId), course);
    void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) });
    void queryClient.invalidateQueries({ queryKey: courseKeys.lists() });
  };
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseInput) => createCourse(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: courseKeys.lists() }),
  });
}

export function useUpdateCourse(courseId: string) {
  const changed = useCourseChanged();
  return useMutation({
    mutationFn: (input: CourseUpdate) => updateCourse(courseId, input),
    onSuccess: (course) => changed(courseId, course),
  });
}

export function useModuleMutations(courseId: string) {
  const changed = useCourseChanged();
  const onSuccess = () => changed(courseId);
  return {
    create: useMutation({ mutationFn: (title: string) => createModule(courseId, title), onSuccess }),
    rename: useMutation({
      mutationFn: ({ id, title }: { id: string; title: string }) => updateModule(id, title),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => deleteModule(id), onSuccess }),
  };
}

export function useLessonMutations(courseId: string) {
  const changed = useCourseChanged();
  const onSuccess = () => changed(courseId);
  return {
    create: useMutation({
      mutationFn: ({ moduleId, input }: { moduleId: string; input: LessonInput }) => createLesson(moduleId, input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Partial<LessonInput> }) => updateLesson(id, input),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => deleteLesson(id), onSuccess }),
  };
}

/**
 * Reordering: the new order is shown at once (optimistic) and PUT one after another (scope), so quick
 * successive moves reach the server in the order they were made.
 */
export function useSaveOutline(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `course-outline-${courseId}` },
    mutationFn: (outline: OutlineInput) => saveOutline(courseId, outline),
    onMutate: async (outline) => {
      await queryClient.cancelQueries({ queryKey: courseKeys.detail(courseId) });
      const previous = queryClient.getQueryData<Course>(courseKeys.detail(courseId));
      if (previous) queryClient.setQueryData(courseKeys.detail(courseId), applyOutline(previous, outline));
      return { previous };
    },
    onError: (_error, _outline, context) => {
      if (context?.previous) queryClient.setQueryData(courseKeys.detail(courseId), context.previous);
      void queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) });
    },
  });
}

/** The course with its modules and lessons in the order of the outline. */
export function applyOutline(course: Course, outline: OutlineInput): Course {
  const modules = new Map(course.modules.map((m) => [m.id, m]));
  const lessons = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));
  return {
    ...course,
    modules: outline.modules.flatMap((entry) => {
      const module = modules.get(entry.id);
      if (!module) return [];
      return [{ ...module, lessons: entry.lessonIds.flatMap((id) => lessons.get(id) ?? []) }];
    }),
  };
}

export function useCourseWorkflow(courseId: string) {
  const changed = useCourseChanged();
  const queryClient = useQueryClient();
  const onSuccess = (course: Course) => {
    changed(courseId, course);
    void queryClient.invalidateQueries({ queryKey: [...courseKeys.all, 'reviews'] });
  };
  return {
    submit: useMutation({ mutationFn: () => submitForReview(courseId), onSuccess }),
    publish: useMutation({ mutationFn: (input: PublishInput) => publishCourse(courseId, input), onSuccess }),
    giveBack: useMutation({ mutationFn: (note: string) => returnCourse(courseId, note), onSuccess }),
    archive: useMutation({ mutationFn: () => archiveCourse(courseId), onSuccess }),
  };
}

export function useCourseAuthors(courseId: string) {
  const changed = useCourseChanged();
  const onSuccess = () => changed(courseId);
  return {
    add: useMutation({ mutationFn: (employeeId: string) => addAuthor(courseId, employeeId), onSuccess }),
    remove: useMutation({ mutationFn: (employeeId: string) => removeAuthor(courseId, employeeId), onSuccess }),
  };
}

export function useAssignCourse(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignInput) => assignCourse(courseId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: courseKeys.learners(courseId) }),
  });
}

/** Live audience assignments of a course (decision 0025). */
export function useAudienceAssignments(courseId: string, page: number, enabled = true) {
  return useQuery({
    queryKey: courseKeys.audiences(courseId, page),
    queryFn: ({ signal }) => listAudienceAssignments(courseId, { page, pageSize: 10 }, signal),
    enabled: enabled && !!courseId,
  });
}

export function useCreateAudienceAssignment(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AudienceAssignInput) => createAudienceAssignment(courseId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: courseKeys.learners(courseId) });
      void queryClient.invalidateQueries({ queryKey: courseKeys.audiences(courseId) });
    },
  });
}

export function useEndAudienceAssignment(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => endAudienceAssignment(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: courseKeys.audiences(courseId) }),
  });
}

/** Learners of a course (from the course report), for attendance. */
export function useCourseLearners(courseId: string, enabled = true) {
  return useQuery({
    queryKey: courseKeys.learners(courseId),
    queryFn: ({ signal }) => listCourseLearners(courseId, signal),
    enabled: enabled && !!courseId,
  });
}

export function useRecordAttendance(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (employeeIds: string[]) => recordAttendance(courseId, lessonId, employeeIds),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: courseKeys.learners(courseId) }),
  });
}

// ---- co-author invitations (issue 12) ----------------------------------------------------------

export function useCourseInvitations(courseId: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: courseKeys.invitations(courseId, page),
    queryFn: ({ signal }) => listCourseInvitations(courseId, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && !!courseId,
  });
}

export function useInviteAuthor(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (nip: string) => inviteAuthor(courseId, nip),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...courseKeys.all, 'invitations', courseId] }),
  });
}

export function useIncomingInvitations(status: CourseAuthorInvitationStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: courseKeys.incomingInvitations(status, page),
    queryFn: ({ signal }) => listIncomingInvitations({ status, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecideInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; decision: 'accept' | 'decline' }) => decideInvitation(input.id, input.decision),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...courseKeys.all, 'incoming-invitations'] }),
  });
}
