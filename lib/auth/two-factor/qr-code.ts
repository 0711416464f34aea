import QRCode from "qrcode";

/**
 * The enrolment QR code as an SVG data: URL, drawn on the server: the page's Content-Security-Policy
 * allows data: images (img-src), and no script or third party ever sees the secret it carries.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
