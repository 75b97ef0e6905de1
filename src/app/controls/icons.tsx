/** Small inline icons, so no glyph depends on a font the machine may lack. */
interface IconProps {
  readonly size?: number;
}

function Svg({ size = 16, children }: IconProps & { readonly children: React.ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="icon">
      {children}
    </svg>
  );
}

export const PlayIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </Svg>
);

export const PauseIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3.5" y="2.5" width="3" height="11" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" fill="currentColor" />
  </Svg>
);

export const StepIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M3 2.5v11l7-5.5z" fill="currentColor" />
    <rect x="11" y="2.5" width="2.5" height="11" fill="currentColor" />
  </Svg>
);

export const ResetIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 3a5 5 0 1 1-4.6 3" fill="none" stroke="currentColor" strokeWidth="1.8" />
    <path d="M2 2.5v4.5h4.5z" fill="currentColor" />
  </Svg>
);

export const SunIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="3.2" fill="currentColor" />
    <path d="M8 .8v2.4M8 12.8v2.4M.8 8h2.4M12.8 8h2.4M2.9 2.9l1.7 1.7M11.4 11.4l1.7 1.7M2.9 13.1l1.7-1.7M11.4 4.6l1.7-1.7" stroke="currentColor" strokeWidth="1.5" />
  </Svg>
);

export const MoonIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M10.5 1.5a6.5 6.5 0 1 0 4 10.3A5.5 5.5 0 0 1 10.5 1.5z" fill="currentColor" />
  </Svg>
);
