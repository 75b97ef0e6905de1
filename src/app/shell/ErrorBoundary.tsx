/**
 * Keeps a failing view from blanking the page: it shows what broke and a way out instead.
 * Wraps the lab page as a whole and each panel inside it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the wrapped part is, for the message: "the lab page", "the timeline". */
  readonly what: string;
  readonly children: ReactNode;
  /** Extra way out, e.g. a link back to the list of labs. */
  readonly actions?: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`distlab: ${this.props.what} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="boundary-error" role="alert">
        <p>
          <strong>Something went wrong in {this.props.what}:</strong> {error.message}
        </p>
        <div className="button-row">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}
