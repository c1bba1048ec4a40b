// The comment-section marker: one small button in the overlay host's shadow
// root, drawn over the end of the comment section's heading (or above the
// first comment when the page gives the section no heading), that opens the
// finding. It is never put inside the page's nodes; it follows the heading
// as the page scrolls, resizes or reflows (position: fixed, placed through a
// constructed sheet, which a strict page CSP allows).

import type { PlacedCommentSection } from '../dom/comment-section';
import type { Translate } from './i18n';
import type { OverlayHost } from './overlay-host';
import { ViewportFollower } from './viewport-follower';

const GAP_PX = 8;

export class CommentMarker {
  private button: HTMLButtonElement | undefined;
  private section: PlacedCommentSection | null = null;
  private readonly positionSheet: CSSStyleSheet;
  private readonly follower: ViewportFollower;

  constructor(
    private readonly doc: Document,
    private readonly host: OverlayHost,
    private readonly t: Translate,
    private readonly onOpen: () => void,
  ) {
    this.positionSheet = new CSSStyleSheet();
    host.addSheet(this.positionSheet);
    // The page reflowing (images loading, comments expanding) moves the heading without a scroll.
    this.follower = new ViewportFollower(doc, () => this.reposition(), true);
  }

  /** The marker's button while it is on the page. */
  get element(): HTMLButtonElement | undefined {
    return this.button?.isConnected ? this.button : undefined;
  }

  /** Shows the marker for `section` (null: a section with no finding, so no marker). */
  render(section: PlacedCommentSection | null): void {
    this.section = section;
    if (!section) {
      this.detach();
      return;
    }
    const button = this.ensureButton();
    button.setAttribute('aria-expanded', 'false');
    this.reposition();
    this.follower.follow(true);
  }

  setExpanded(expanded: boolean): void {
    this.button?.setAttribute('aria-expanded', String(expanded));
  }

  /** Takes the marker off (the overlay was hidden, or the section has no finding any more). */
  detach(): void {
    this.follower.follow(false);
    this.button?.remove();
    this.button = undefined;
  }

  private ensureButton(): HTMLButtonElement {
    if (this.button?.isConnected) {
      return this.button;
    }
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'comments-marker';
    button.setAttribute('aria-haspopup', 'dialog');
    button.title = this.t('commentsMarkerTitle');
    const icon = this.doc.createElement('span');
    icon.className = 'comments-marker-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '◆';
    button.append(icon, this.t('commentsMarker'));
    button.addEventListener('click', () => this.onOpen());
    this.host.shadow().append(button);
    this.button = button;
    return button;
  }

  /** After the heading's last line of text; below its start when that would leave the viewport; above the first comment without a heading. */
  private reposition(): void {
    const view = this.doc.defaultView;
    const button = this.button;
    const section = this.section;
    if (!view || !button || !section || !section.anchor.isConnected) {
      return;
    }
    const { width, height } = button.getBoundingClientRect();
    let left: number;
    let top: number;
    if (section.anchorIsHeading) {
      const range = this.doc.createRange();
      range.selectNodeContents(section.anchor);
      const lines = Array.from(range.getClientRects()).filter((box) => box.width > 0);
      const box = lines[lines.length - 1] ?? section.anchor.getBoundingClientRect();
      left = box.right + GAP_PX;
      top = box.top + (box.height - height) / 2;
      if (left + width > view.innerWidth - GAP_PX) {
        const first = lines[0] ?? box;
        left = first.left;
        top = box.bottom + 4;
      }
    } else {
      const box = section.anchor.getBoundingClientRect();
      left = box.left;
      top = box.top - height - 4;
    }
    left = Math.max(GAP_PX, Math.min(left, view.innerWidth - width - GAP_PX));
    this.positionSheet.replaceSync(`.comments-marker { left: ${Math.round(left)}px; top: ${Math.round(top)}px; }`);
  }
}
