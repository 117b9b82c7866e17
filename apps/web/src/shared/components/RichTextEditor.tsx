import '@mantine/tiptap/styles.css';
import { useEffect, useId, useMemo, useRef } from 'react';
import { Input } from '@mantine/core';
import { getUploadImageExtension, Link, RichTextEditor as Editor, type RichTextEditorLabels } from '@mantine/tiptap';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { useEditor, type Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { COURSE_FILE_SRC, richTextHtml } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { protectedFileUrl, errorMessage } from '../api';
import { notify } from '../notify';
import { cleanPastedHtml } from '../rich-text/paste-cleaner';

/** A picture uploaded from the editor: where the API serves it and its text alternative. */
export interface UploadedImage {
  src: string;
  alt?: string;
}

export interface RichTextEditorProps {
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  /** Stored rich text (HTML, or plain text from before the editor, opened as paragraphs). '' when empty. */
  value: string;
  onChange: (html: string) => void;
  onBlur?: () => void;
  /** Uploads a picture to the course's files; without it the editor offers no picture button. */
  onImageUpload?: (file: File) => Promise<UploadedImage>;
  /** Height of the writing area when empty, in px. */
  minHeight?: number;
  disabled?: boolean;
}

/**
 * TipTap's image, shown through the access token: a course picture's address (`/api/files/<id>`) is not public, so
 * the editor shows it from a blob fetched with the token while the saved HTML keeps the API address.
 */
const CourseImage = Image.extend({
  addNodeView() {
    return ({ node, HTMLAttributes }) => {
      const img = document.createElement('img');
      for (const [key, value] of Object.entries(HTMLAttributes))
        if (key !== 'src' && value !== null && value !== undefined) img.setAttribute(key, String(value));
      const src = String(node.attrs.src ?? '');
      const id = COURSE_FILE_SRC.exec(src)?.[1];
      const controller = new AbortController();
      let revoke: (() => void) | null = null;
      if (id)
        protectedFileUrl(id, controller.signal).then(
          (file) => {
            revoke = file.revoke;
            img.src = file.url;
          },
          () => img.setAttribute('data-failed', ''),
        );
      else img.src = src;
      return {
        dom: img,
        destroy: () => {
          controller.abort();
          revoke?.();
        },
      };
    };
  },
});

/**
 * The rich-text editor for lesson text, course descriptions, assignment instructions and question prompts (issue 15):
 * Mantine's TipTap integration with headings 2–4, lists, links, tables, pictures uploaded to the course's files,
 * bold/italic/underline/strike, quotes and inline code — exactly the server's allow-list
 * (libs/server/learning/src/authoring/rich-text.ts). A paste from Word is cleaned first (paste-cleaner.ts); TipTap's
 * schema drops whatever else it does not know. Labelled like any input: `getByLabel(label)` finds the writing area.
 */
export function RichTextEditor({
  label,
  description,
  error,
  required,
  value,
  onChange,
  onBlur,
  onImageUpload,
  minHeight = 160,
  disabled,
}: RichTextEditorProps) {
  const { t } = useTranslation('editor');
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const upload = useRef(onImageUpload);
  upload.current = onImageUpload;
  const emitted = useRef(value);
  const canUpload = !!onImageUpload;

  const extensions = useMemo<Extensions>(
    () => [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        horizontalRule: false,
        // Mantine's Link below (with its keyboard shortcut) replaces the kit's.
        link: false,
      }),
      Link.configure({ openOnClick: false, autolink: true, protocols: ['mailto'] }),
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
      canUpload
        ? getUploadImageExtension(CourseImage, {
            onImageUpload: (file: File) => {
              const run = upload.current;
              if (!run) return Promise.reject(new Error('no upload'));
              return run(file);
            },
            onImageUploadError: (file: File, failure: unknown) =>
              notify({ color: 'red', message: t('imageFailed', { name: file.name, reason: errorMessage(failure) }) }),
          })
        : CourseImage,
    ],
    [canUpload, t],
  );

  const editor = useEditor(
    {
      extensions,
      content: richTextHtml(value),
      editable: !disabled,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(description ? { 'aria-describedby': descriptionId } : {}),
          ...(required ? { 'aria-required': 'true' } : {}),
          style: `min-height: ${minHeight}px`,
        },
        transformPastedHTML: cleanPastedHtml,
      },
      onUpdate: ({ editor: e }) => {
        const html = e.isEmpty ? '' : e.getHTML();
        emitted.current = html;
        onChange(html);
      },
      onBlur: () => onBlur?.(),
    },
    [extensions],
  );

  // A value set from outside (a form reset, another lesson opened) replaces the content; our own edits do not.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(richTextHtml(value), { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    if (error) {
      dom.setAttribute('aria-invalid', 'true');
      dom.setAttribute('aria-errormessage', errorId);
    } else {
      dom.removeAttribute('aria-invalid');
      dom.removeAttribute('aria-errormessage');
    }
  }, [editor, error, errorId]);

  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t('bold'),
    italicControlLabel: t('italic'),
    underlineControlLabel: t('underline'),
    strikeControlLabel: t('strike'),
    clearFormattingControlLabel: t('clearFormatting'),
    h2ControlLabel: t('h2'),
    h3ControlLabel: t('h3'),
    h4ControlLabel: t('h4'),
    bulletListControlLabel: t('bulletList'),
    orderedListControlLabel: t('orderedList'),
    blockquoteControlLabel: t('blockquote'),
    codeControlLabel: t('code'),
    linkControlLabel: t('link'),
    unlinkControlLabel: t('unlink'),
    linkEditorInputLabel: t('linkInput'),
    linkEditorInputPlaceholder: t('linkPlaceholder'),
    linkEditorExternalLink: t('linkExternal'),
    linkEditorInternalLink: t('linkInternal'),
    linkEditorSave: t('linkSave'),
    undoControlLabel: t('undo'),
    redoControlLabel: t('redo'),
    imageUploadControlLabel: t('image'),
    tableInsertControlLabel: t('tableInsert'),
    tableInsertLabel: (columns: number, rows: number) => t('tableSize', { columns, rows }),
    tableRowAfterControlLabel: t('tableRowAfter'),
    tableColumnAfterControlLabel: t('tableColumnAfter'),
    tableRowDeleteControlLabel: t('tableRowDelete'),
    tableColumnDeleteControlLabel: t('tableColumnDelete'),
    tableDeleteControlLabel: t('tableDelete'),
    tableToggleHeaderRowControlLabel: t('tableHeaderRow'),
  };

  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      required={required}
      labelElement="div"
      labelProps={{ id: labelId }}
      descriptionProps={{ id: descriptionId }}
      errorProps={{ id: errorId }}
    >
      <Editor
        editor={editor}
        labels={labels}
        onImageUpload={onImageUpload}
        mt={4}
        style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}
      >
        <Editor.Toolbar role="toolbar" aria-label={t('toolbar')}>
          <Editor.ControlsGroup>
            <Editor.Bold />
            <Editor.Italic />
            <Editor.Underline />
            <Editor.Strikethrough />
            <Editor.ClearFormatting />
          </Editor.ControlsGroup>
          <Editor.ControlsGroup>
            <Editor.H2 />
            <Editor.H3 />
            <Editor.H4 />
          </Editor.ControlsGroup>
          <Editor.ControlsGroup>
            <Editor.BulletList />
            <Editor.OrderedList />
            <Editor.Blockquote />
            <Editor.Code />
          </Editor.ControlsGroup>
          <Editor.ControlsGroup>
            <Editor.Link />
            <Editor.Unlink />
          </Editor.ControlsGroup>
          <Editor.ControlsGroup>
            <Editor.TableInsert />
            <Editor.TableRowAfter />
            <Editor.TableColumnAfter />
            <Editor.TableToggleHeaderRow />
            <Editor.TableRowDelete />
            <Editor.TableColumnDelete />
            <Editor.TableDelete />
          </Editor.ControlsGroup>
          {canUpload && (
            <Editor.ControlsGroup>
              <Editor.ImageUpload accept="image/jpeg,image/png,image/webp,image/gif" />
            </Editor.ControlsGroup>
          )}
          <Editor.ControlsGroup>
            <Editor.Undo />
            <Editor.Redo />
          </Editor.ControlsGroup>
        </Editor.Toolbar>
        <Editor.Content />
      </Editor>
    </Input.Wrapper>
  );
}
