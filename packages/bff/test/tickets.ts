/** Tests play the host site's backend with the BFF's own `issueTicket()` (packages/bff/src/thunder/ticket.ts). */
export { issueTicket } from "../src/thunder/ticket.ts";
