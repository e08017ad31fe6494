// One text of a draft (title, recipient, body, attachment list) edited as it will read in the letter: the fields
// are highlighted chips with their current values, the rest is ordinary editable text. Enter starts a new
// paragraph (in a multi-line text), pasting inserts plain text, and "插入字段" puts a chip at the caret.
import { useEffect, useImperativeHandle, useRef, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import type { PlaceholderValues } from '../../../../shared/letters/template';
import { buildFieldDom, createChip, refreshChips, serializeFieldDom } from './field-dom';

export interface RenderedFieldHandle {
  /** Puts a chip for `name` where the caret was last in this text, or at its end. */
  insertField(name: string): void;
}

interface Props {
  label: string;
  value: string;
  values: Partial<PlaceholderValues> | null;
  multiline?: boolean;
  /** room for a letter's body rather than a few lines */
  tall?: boolean;
  onChange: (template: string) => void;
  onFocus?: () => void;
  handle?: Ref<RenderedFieldHandle>;
}

function insertAtCaret(root: HTMLElement, node: Node, saved: Range | null): void {
  const selection = root.ownerDocument.getSelection();
  const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const range = current && root.contains(current.startContainer) ? current : saved && root.contains(saved.startContainer) ? saved : null;
  if (!range) {
    root.appendChild(node);
  } else {
    range.deleteContents();
    range.insertNode(node);
  }
  const after = root.ownerDocument.createRange();
  after.setStartAfter(node);
  after.collapse(true);
  selection?.removeAllRanges();
  selection?.addRange(after);
}

export function RenderedField({ label, value, values, multiline = false, tall = false, onChange, onFocus, handle }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const lastRange = useRef<Range | null>(null);

  // Rebuild only when the template changed from outside; the clerk's own edits are already in the DOM.
  useEffect(() => {
    if (root.current && value !== emitted.current) {
      buildFieldDom(root.current, value, values);
      emitted.current = value;
    }
  }, [value, values]);
  useEffect(() => {
    if (root.current) refreshChips(root.current, values);
  }, [values]);

  const emit = () => {
    if (!root.current) return;
    let text = serializeFieldDom(root.current);
    if (!multiline) text = text.replace(/\n/g, '');
    emitted.current = text;
    onChange(text);
  };
  const remember = () => {
    const selection = root.current?.ownerDocument.getSelection();
    if (selection && selection.rangeCount > 0 && root.current?.contains(selection.anchorNode)) lastRange.current = selection.getRangeAt(0).cloneRange();
  };

  useImperativeHandle(handle, () => ({
    insertField(name: string) {
      if (!root.current) return;
      insertAtCaret(root.current, createChip(root.current.ownerDocument, name, values), lastRange.current);
      emit();
    },
  }));

  // The browser's own editing commands keep the caret right around line breaks (a break typed at the very end
  // shows and takes the next words); the DOM insertion is the fallback where they are missing.
  const command = (name: 'insertLineBreak' | 'insertText', text: string) => {
    if (!root.current) return;
    const doc = root.current.ownerDocument;
    const done = typeof doc.execCommand === 'function' && doc.execCommand(name, false, text);
    if (!done) {
      insertAtCaret(root.current, doc.createTextNode(name === 'insertLineBreak' ? '\n' : text), lastRange.current);
      emit();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (multiline) command('insertLineBreak', '');
  };
  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
    command('insertText', multiline ? text : text.replace(/\n/g, ''));
  };

  return (
    <div className="field field-wide">
      <span>{label}</span>
      <div
        ref={root}
        className={`rendered-field${multiline ? ' rendered-field-multiline' : ''}${tall ? ' rendered-field-tall' : ''}`}
        role="textbox"
        aria-label={label}
        aria-multiline={multiline}
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        onInput={emit}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onKeyUp={remember}
        onMouseUp={remember}
        onBlur={remember}
        onFocus={onFocus}
      />
    </div>
  );
}
