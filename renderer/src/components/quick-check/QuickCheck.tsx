// 快速查询 in the header of every page: type a name (and optionally a class) and see at once which protected marks
// it may imitate and why — for the phone call that asks whether a name is a squat. Escape closes the results.
import { useEffect, useRef, useState } from 'react';
import { NICE_CLASS_MAX, NICE_CLASS_MIN } from '../../../../shared/domain';
import { QuickCheckResults } from './QuickCheckResults';
import { useQuickCheck } from './useQuickCheck';
import './quick-check.css';
import '../../pages/review/review.css';

const CLASSES = Array.from({ length: NICE_CLASS_MAX - NICE_CLASS_MIN + 1 }, (_, i) => i + NICE_CLASS_MIN);

export function QuickCheck() {
  const [text, setText] = useState('');
  const [niceClass, setNiceClass] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const state = useQuickCheck(text, niceClass);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, []);

  const showResults = open && text.trim() !== '';
  return (
    <div className="quick-check" ref={box} onKeyDown={(e) => {
      if (e.key === 'Escape' && open) {
        e.stopPropagation();
        setOpen(false);
      }
    }}>
      <input
        type="search"
        className="qc-input"
        aria-label="快速查询"
        placeholder="快速查询：输入商标名称…"
        title="输入一个商标名称（可选类别），即时查看它可能模仿哪些名录商标"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
      />
      <select className="qc-class" aria-label="快速查询的国际分类" value={niceClass ?? ''} onChange={(e) => setNiceClass(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">全部类别</option>
        {CLASSES.map((c) => <option key={c} value={c}>第 {c} 类</option>)}
      </select>
      {showResults ? <QuickCheckResults state={state} /> : null}
    </div>
  );
}
