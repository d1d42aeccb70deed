/** <thunder-launch-button>'s strings in Italian: fetched only by pages in Italian. */
import type { ThunderLaunchButtonStrings } from "./en.ts";

export default {
  launch: "Apri in Thunder",
  launching: "Apertura di Thunder…",
  launchErrors: {
    ticket: "La sessione è scaduta. Accedi di nuovo per aprire Thunder.",
    forbidden: "Non puoi aprire queste azioni in Thunder.",
    busy: "Troppe richieste. Riprova tra un minuto.",
    unavailable: "Thunder non è disponibile in questo momento. Riprova più tardi.",
    invalid: "Queste azioni non si possono aprire in Thunder.",
    network: "Nessuna connessione. Controlla la rete e riprova.",
  },
  notInstalled: "Thunder non si è aperto. Forse non è installato su questo computer.",
  notInstalledOnTouch: "Thunder non si è aperto. Forse non è installato su questo dispositivo.",
  copyLink: "Copia il link",
  linkCopied: "Link copiato.",
  copyManually: "Copia questo link:",
} satisfies ThunderLaunchButtonStrings;
