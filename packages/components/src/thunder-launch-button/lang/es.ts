/** <thunder-launch-button>'s strings in Spanish: fetched only by pages in Spanish. */
import type { ThunderLaunchButtonStrings } from "./en.ts";

export default {
  launch: "Abrir en Thunder",
  launching: "Abriendo Thunder…",
  launchErrors: {
    ticket: "Su sesión ha caducado. Inicie sesión de nuevo para abrir Thunder.",
    forbidden: "No puede abrir estas jugadas en Thunder.",
    busy: "Demasiadas solicitudes. Inténtelo de nuevo en un minuto.",
    unavailable: "Thunder no está disponible ahora. Inténtelo más tarde.",
    invalid: "Estas jugadas no se pueden abrir en Thunder.",
    network: "Sin conexión. Compruebe su red e inténtelo de nuevo.",
  },
  notInstalled: "Thunder no se ha abierto. Puede que no esté instalado en este ordenador.",
  notInstalledOnTouch: "Thunder no se ha abierto. Puede que no esté instalado en este dispositivo.",
  copyLink: "Copiar el enlace",
  linkCopied: "Enlace copiado.",
  copyManually: "Copie este enlace:",
} satisfies ThunderLaunchButtonStrings;
