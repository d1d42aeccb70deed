/** <thunder-launch-button>'s strings in French: fetched only by pages in French. */
import type { ThunderLaunchButtonStrings } from "./en.ts";

export default {
  launch: "Ouvrir dans Thunder",
  launching: "Ouverture de Thunder…",
  launchErrors: {
    ticket: "Votre session a expiré. Reconnectez-vous pour ouvrir Thunder.",
    forbidden: "Vous ne pouvez pas ouvrir ces actions dans Thunder.",
    busy: "Trop de demandes. Réessayez dans une minute.",
    unavailable: "Thunder n'est pas disponible pour le moment. Réessayez plus tard.",
    invalid: "Ces actions ne peuvent pas être ouvertes dans Thunder.",
    network: "Pas de connexion. Vérifiez votre réseau et réessayez.",
  },
  notInstalled: "Thunder ne s'est pas ouvert. Il n'est peut-être pas installé sur cet ordinateur.",
  notInstalledOnTouch: "Thunder ne s'est pas ouvert. Il n'est peut-être pas installé sur cet appareil.",
  copyLink: "Copier le lien",
  linkCopied: "Lien copié.",
  copyManually: "Copiez ce lien :",
} satisfies ThunderLaunchButtonStrings;
