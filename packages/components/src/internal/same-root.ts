/**
 * Whether `event` started in the same document or shadow root as `element`: a composed event
 * reaches the document from inside shadow roots, but `for="id"` names an element in the bar's own
 * root, as getElementById would.
 */
export function fromSameRoot(event: Event, element: Element): boolean {
  const origin = event.composedPath()[0];
  return origin instanceof Node && origin.getRootNode() === element.getRootNode();
}
