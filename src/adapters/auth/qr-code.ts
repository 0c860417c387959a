import QRCode from 'qrcode';

/** `text` as a QR code, drawn here (nothing is fetched): an SVG `data:` URL an `<img>` shows. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
