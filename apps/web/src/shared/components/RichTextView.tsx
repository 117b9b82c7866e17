import { useEffect, useMemo, useRef } from 'react';
import { Box, Typography, type BoxProps } from '@mantine/core';
import { protectedFileUrl } from '../api';
import { displayHtml } from '../rich-text/display';

interface RichTextViewProps extends BoxProps {
  /** Stored rich text: sanitised HTML, or plain text written before the editor (shown as paragraphs). */
  html: string;
  id?: string;
}

/**
 * Rich text as learners, reviewers and the catalog see it: formatted, sanitised (displayHtml), with pictures of the
 * course loaded with the access token (course files are not public).
 */
export function RichTextView({ html, id, ...box }: RichTextViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The same object for the same text: React 19 compares dangerouslySetInnerHTML by identity, so a new object on every
  // render would set innerHTML again each time — parsing the text anew and dropping the pictures the effect loaded.
  const inner = useMemo(() => ({ __html: displayHtml(html) }), [html]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const controller = new AbortController();
    const revokes: Array<() => void> = [];
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-course-file]')) {
      const fileId = img.dataset.courseFile;
      if (!fileId) continue;
      protectedFileUrl(fileId, controller.signal).then(
        (file) => {
          if (controller.signal.aborted) return file.revoke();
          revokes.push(file.revoke);
          img.src = file.url;
        },
        () => img.setAttribute('data-failed', ''),
      );
    }
    return () => {
      controller.abort();
      for (const revoke of revokes) revoke();
    };
  }, [inner]);

  return (
    <Typography>
      <Box ref={ref} id={id} {...box} dangerouslySetInnerHTML={inner} />
    </Typography>
  );
}
