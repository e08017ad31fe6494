import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../components/useDebouncedValue';

interface TextFilterProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  width?: number;
}

/** A free-text filter that applies what is typed a moment after typing stops. */
export function TextFilter({ label, placeholder, value, onChange, width = 130 }: TextFilterProps) {
  const [draft, setDraft] = useState(value);
  const settled = useDebouncedValue(draft, 300);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (settled.trim() !== value) onChange(settled.trim());
    // Only a settled draft is applied; a new value from outside resets the draft above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      style={{ width }}
      onChange={(e) => setDraft(e.target.value)}
    />
  );
}
