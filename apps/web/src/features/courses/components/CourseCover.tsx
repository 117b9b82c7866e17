import { Box, Image, Skeleton } from '@mantine/core';
import type { MantineRadius } from '@mantine/core';
import { useProtectedFile } from '../../learning/tracking';

interface CourseCoverProps {
  fileId: string;
  height: number;
  radius?: MantineRadius;
  /** Decorative by default (the course title is right next to it). */
  alt?: string;
}

/** The course cover image: a protected file, fetched with the token as a blob (like the player). Nothing when it fails. */
export function CourseCover({ fileId, height, radius, alt = '' }: CourseCoverProps) {
  const file = useProtectedFile(fileId);
  if (file.error) return null;
  if (!file.url) return <Skeleton height={height} radius={radius} aria-hidden />;
  return (
    <Box>
      <Image src={file.url} alt={alt} h={height} w="100%" fit="cover" radius={radius} />
    </Box>
  );
}
