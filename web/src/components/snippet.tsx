/** A search snippet with its matched words (between ** marks) highlighted, built from text nodes only. */
export function Snippet(props: { text: string }) {
  const parts = props.text.split('**');
  return <span className="snippet">{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}</span>;
}
