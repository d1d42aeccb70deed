/** <thunder-launch-button>'s strings in German: fetched only by pages in German. */
import type { ThunderLaunchButtonStrings } from "./en.ts";

export default {
  launch: "In Thunder öffnen",
  launching: "Thunder wird geöffnet…",
  launchErrors: {
    ticket: "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um Thunder zu öffnen.",
    forbidden: "Sie dürfen diese Spielzüge nicht in Thunder öffnen.",
    busy: "Zu viele Anfragen. Versuchen Sie es in einer Minute erneut.",
    unavailable: "Thunder ist gerade nicht erreichbar. Versuchen Sie es später erneut.",
    invalid: "Diese Spielzüge können nicht in Thunder geöffnet werden.",
    network: "Keine Verbindung. Prüfen Sie Ihr Netzwerk und versuchen Sie es erneut.",
  },
  notInstalled: "Thunder wurde nicht geöffnet. Vielleicht ist es auf diesem Computer nicht installiert.",
  notInstalledOnTouch: "Thunder wurde nicht geöffnet. Vielleicht ist es auf diesem Gerät nicht installiert.",
  copyLink: "Link kopieren",
  linkCopied: "Link kopiert.",
  copyManually: "Diesen Link kopieren:",
} satisfies ThunderLaunchButtonStrings;
