// The filled letter drawn like the printed page: red head and double rule, number flush right, title, body,
// attachment list, signature over the date, 附注, 抄送/印发, then the attachment table.
import { ATTACHMENT_COLUMNS, type LetterDocument } from '../../../../shared/letters/model';

function AttachmentTable({ letter }: { letter: LetterDocument }) {
  if (letter.table.rows.length === 0) return null;
  return (
    <div className="letter-sheet letter-sheet-wide" aria-label="附件">
      <div className="letter-attachment-label">附件</div>
      <div className="letter-table-caption">{letter.table.caption}</div>
      <table className="letter-table">
        <thead>
          <tr>
            {ATTACHMENT_COLUMNS.map((c) => (
              <th key={c.key}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {letter.table.rows.map((row, index) => (
            // One filing can imitate two marks, so its number may appear twice.
            <tr key={index}>
              {ATTACHMENT_COLUMNS.map((c) => (
                <td key={c.key}>{row[c.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LetterPreview({ letter }: { letter: LetterDocument }) {
  const attachments = letter.attachments.map((name, i) => (letter.attachments.length === 1 ? name : `${i + 1}. ${name}`));
  return (
    <div className="letter-preview" data-testid="letter-preview">
      <div className="letter-sheet">
        <div className="letter-head">{letter.issuingBody}</div>
        <div className="letter-rule" />
        <div className="letter-number">{letter.documentNumber}</div>
        <h2 className="letter-title">{letter.title}</h2>
        <p className="letter-line">{letter.recipient}：</p>
        {letter.paragraphs.map((text, i) => (
          <p key={i} className="letter-line letter-paragraph">
            {text}
          </p>
        ))}
        {attachments.length > 0 ? (
          <div className="letter-attachments">
            {attachments.map((text, i) => (
              <p key={i} className="letter-line letter-paragraph">
                {i === 0 ? '附件：' : <span className="letter-hang">附件：</span>}
                {text}
              </p>
            ))}
          </div>
        ) : null}
        <div className="letter-signature">
          <p className="letter-line">{letter.signature}</p>
          <p className="letter-line">{letter.dateText}</p>
        </div>
        {letter.note ? <p className="letter-line letter-paragraph">{letter.note}</p> : null}
        {letter.copyTo || letter.printingBody ? (
          <div className="letter-record">
            {letter.copyTo ? <div className="letter-record-row">抄送：{letter.copyTo.replace(/[。.]$/, '')}。</div> : null}
            {letter.printingBody ? (
              <div className="letter-record-row letter-record-split">
                <span>{letter.printingBody}</span>
                <span>{letter.printedOn}</span>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <AttachmentTable letter={letter} />
    </div>
  );
}
