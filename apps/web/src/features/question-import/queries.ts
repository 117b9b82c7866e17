import { useMutation, useQueryClient } from '@tanstack/react-query';
import { quizKeys } from '../quiz/queries';
import { importQuestions, type QuestionImportOptions } from './api';

interface ImportInput {
  file: File;
  options: QuestionImportOptions;
  onProgress?: (fraction: number) => void;
}

/** The preview of an import: nothing is written, nothing to invalidate. */
export function usePreviewImport(courseId: string) {
  return useMutation({
    mutationFn: ({ file, options, onProgress }: ImportInput) =>
      importQuestions(courseId, file, options, true, onProgress),
  });
}

/** The import itself: the bank's questions and category counts change. */
export function useCommitImport(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options, onProgress }: ImportInput) =>
      importQuestions(courseId, file, options, false, onProgress),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: quizKeys.questions(courseId) });
      void queryClient.invalidateQueries({ queryKey: quizKeys.categories(courseId) });
    },
  });
}
