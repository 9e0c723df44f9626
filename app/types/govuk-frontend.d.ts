// govuk-frontend ships JavaScript without type declarations; this is the part we use.
declare module 'govuk-frontend' {
  export class Component {
    constructor($root: Element | null);
  }
  export class ExitThisPage extends Component {
    $button: HTMLAnchorElement;
    $overlay: HTMLElement | null;
    $updateSpan: HTMLElement | null;
    constructor($root: Element | null, config?: object);
    exitPage(): void;
  }
  export function createAll(component: unknown, config?: object, $scope?: Element | Document): unknown[];
  export class SkipLink extends Component {}
  export class ErrorSummary extends Component {}
  export class ServiceNavigation extends Component {}
  export class Button extends Component {}
  export class Radios extends Component {}
  export class Checkboxes extends Component {}
  export class CharacterCount extends Component {}
  export class PasswordInput extends Component {}
  export class NotificationBanner extends Component {}
  export function isSupported($scope?: HTMLElement): boolean;
}
